// Export: the words of the set-up files, their warnings, the guides' shared sentences and the export
// command. Each client's steps have their own file; they are joined here, so the index needs one entry.

import type { Catalogue } from './catalogue.js';
import { exportAppleMessages } from './export-apple.js';
import { exportOutlookMessages } from './export-outlook.js';
import { exportThunderbirdMessages } from './export-thunderbird.js';

const common: Catalogue = {
  en: {
    'export.mobileconfig.display-name': 'Mail account {address}',
    'export.mobileconfig.description': 'Sets up the mail account {address} in Apple Mail.',
    'export.warning.contains-password':
      'This profile contains your password. Treat the file like the password itself: send it only encrypted, and delete it once the profile is installed.',
    'export.warning.leave-on-server-not-in-file':
      'This file cannot say that messages are to stay on the POP3 server. Check that setting in the mail program after set-up; the guide shows where.',
    'export.warning.oauth2-not-in-file':
      "This file cannot set up sign-in on your provider's page (OAuth2); it sets up a password sign-in. If your provider allows none, use an app password.",

    'export.guide.title.outlook': 'Setting up {address} in Outlook',
    'export.guide.title.thunderbird': 'Setting up {address} in Thunderbird',
    'export.guide.title.applemail': 'Setting up {address} in Apple Mail',
    'export.guide.intro':
      'This guide takes you through setting up your e-mail account step by step. What you type or choose is printed in bold: enter it exactly as shown.',
    'export.guide.intro.password': 'Your password is not in this guide; you type it in yourself.',
    'export.guide.settings.heading': 'Your settings at a glance',
    'export.guide.note.idn':
      'A server name with special letters is shown twice: as you read it, and in brackets as it is written for the internet. If your mail program does not take the first form, type the one in brackets.',
    'export.guide.label.name': 'Your name',
    'export.guide.label.address': 'E-mail address',
    'export.guide.label.account-type': 'Account type',
    'export.guide.label.incoming-server': 'Incoming mail server',
    'export.guide.label.outgoing-server': 'Outgoing mail server (SMTP)',
    'export.guide.label.port': 'Port',
    'export.guide.label.security': 'Security',
    'export.guide.label.auth': 'Sign-in method',
    'export.guide.label.username': 'User name',
    'export.guide.label.password': 'Password',
    'export.guide.secret.password': 'your e-mail password',
    'export.guide.secret.app-password': 'your app password (not your normal password)',
    'export.guide.secret.oauth2': "your password, on your provider's sign-in page",
    'export.guide.value.your-name': 'your name, as recipients should see it',
    'export.guide.note.app-password':
      "Your provider requires an app password for mail programs. Create one in your account settings on the provider's website and use it wherever this guide asks for the password.",
    'export.guide.note.oauth2':
      'Your provider signs you in on its own page (OAuth2). {client} offers this only for providers it knows; if no sign-in page appears, create an app password at your provider and use it as the password.',
    'export.guide.footer':
      'Made on {date} with MailSetup Assistant. Menu names can differ slightly between versions.',
    'export.guide.support.heading': 'Need help?',
    'export.guide.support.intro': '{organisation} helps you with setting up your e-mail:',
    'export.guide.support.phone': 'Phone',
    'export.guide.support.mail': 'E-mail',
    'export.guide.support.url': 'Website',
    'export.guide.logo-alt': 'Logo of {organisation}',

    'cli.export.usage':
      'Usage:\n  mailsetup export <address> --format FORMAT [--lang de|en] [--out FILE] [--name "Your Name"] [--description TEXT]\n                   [--imap HOST:PORT/SEC | --pop3 HOST:PORT/SEC] [--smtp HOST:PORT/SEC] [--username NAME]\n                   [--offline] [--dns HOST[:PORT]] [--timeout SECONDS] [--include-password-stdin] [--json]\n                   [--sign-cert FILE --sign-key FILE [--sign-chain FILE]]\n\nFORMAT: {formats}.\nWithout --out the file goes to standard output; a PDF guide needs --out FILE.pdf.\nWithout server flags the settings are detected first.\nExit codes: 0 written, 1 internal error, 2 bad input, 3 no settings found.',
    'cli.export.missing-format': '--format is required: {formats}.',
    'cli.export.bad-format': 'Unknown format "{format}". Choose one of: {formats}.',
    'cli.export.pdf-needs-guide':
      'Only guides can be made as PDF; {format} is a file for the mail program itself.',
    'cli.export.cannot-write': 'Cannot write {file}: {detail}',
    'cli.export.cannot-read': 'Cannot read {file}: {detail}',
    'cli.export.sign-only-mobileconfig': '--sign-cert and --sign-key work only with --format mobileconfig.',
    'cli.export.sign-needs-both':
      'Signing needs both --sign-cert (the certificate) and --sign-key (its private key).',
    'cli.export.bad-signing': 'The profile cannot be signed with these files: {detail}.',
    'cli.export.signed-needs-out': 'A signed profile is binary: add --out FILE.mobileconfig.',
    'cli.export.json-needs-out':
      '--json needs --out FILE: the exported file itself goes to standard output otherwise.',
    'cli.export.servers-incomplete':
      'An export needs one incoming server (--imap or --pop3) and one outgoing server (--smtp).',
    'cli.export.one-incoming': 'Give one incoming server: --imap or --pop3, not both.',
    'cli.export.password-only-mobileconfig':
      '--include-password-stdin works only with --format mobileconfig.',
    'cli.export.password-empty': 'No password arrived on standard input.',
    'cli.export.not-found':
      'No settings were found for {domain}. Give the servers with --imap or --pop3 and with --smtp.',
    'cli.export.written': 'Written: {file}',
    'cli.export.warning': 'Warning: {message}',
  },
  de: {
    'export.mobileconfig.display-name': 'E-Mail-Account {address}',
    'export.mobileconfig.description': 'Richtet den E-Mail-Account {address} in Apple Mail ein.',
    'export.warning.contains-password':
      'Dieses Profil enthält Ihr Passwort. Behandeln Sie die Datei wie das Passwort selbst: Versenden Sie sie nur verschlüsselt und löschen Sie sie, sobald das Profil installiert ist.',
    'export.warning.leave-on-server-not-in-file':
      'Diese Datei kann nicht festlegen, dass Nachrichten auf dem POP3-Server bleiben. Prüfen Sie diese Einstellung nach der Einrichtung im Mail-Programm; die Anleitung zeigt, wo.',
    'export.warning.oauth2-not-in-file':
      'Diese Datei kann keine Anmeldung auf der Seite Ihres Anbieters (OAuth2) einrichten; sie richtet eine Anmeldung mit Passwort ein. Erlaubt Ihr Anbieter das nicht, verwenden Sie ein App-Passwort.',

    'export.guide.title.outlook': 'Einrichtung von {address} in Outlook',
    'export.guide.title.thunderbird': 'Einrichtung von {address} in Thunderbird',
    'export.guide.title.applemail': 'Einrichtung von {address} in Apple Mail',
    'export.guide.intro':
      'Diese Anleitung führt Sie Schritt für Schritt durch die Einrichtung Ihres E-Mail-Kontos. Was Sie eintippen oder auswählen, ist fett gedruckt: Übernehmen Sie es genau so.',
    'export.guide.intro.password': 'Ihr Passwort steht nicht in dieser Anleitung; Sie geben es selbst ein.',
    'export.guide.settings.heading': 'Ihre Einstellungen im Überblick',
    'export.guide.note.idn':
      'Ein Servername mit Sonderbuchstaben steht zweimal da: so, wie Sie ihn lesen, und in Klammern so, wie er fürs Internet geschrieben wird. Nimmt Ihr E-Mail-Programm die erste Form nicht an, tippen Sie die in Klammern.',
    'export.guide.label.name': 'Ihr Name',
    'export.guide.label.address': 'E-Mail-Adresse',
    'export.guide.label.account-type': 'Kontotyp',
    'export.guide.label.incoming-server': 'Posteingangsserver',
    'export.guide.label.outgoing-server': 'Postausgangsserver (SMTP)',
    'export.guide.label.port': 'Port',
    'export.guide.label.security': 'Verschlüsselung',
    'export.guide.label.auth': 'Anmeldemethode',
    'export.guide.label.username': 'Benutzername',
    'export.guide.label.password': 'Passwort',
    'export.guide.secret.password': 'Ihr E-Mail-Passwort',
    'export.guide.secret.app-password': 'Ihr App-Passwort (nicht Ihr normales Passwort)',
    'export.guide.secret.oauth2': 'Ihr Passwort, auf der Anmeldeseite Ihres Anbieters',
    'export.guide.value.your-name': 'Ihr Name, wie Empfänger ihn sehen sollen',
    'export.guide.note.app-password':
      'Ihr Anbieter verlangt für Mail-Programme ein App-Passwort. Erstellen Sie es in den Kontoeinstellungen auf der Website des Anbieters und verwenden Sie es überall, wo diese Anleitung nach dem Passwort fragt.',
    'export.guide.note.oauth2':
      'Ihr Anbieter meldet Sie auf seiner eigenen Seite an (OAuth2). {client} bietet das nur für Anbieter an, die es kennt; erscheint keine Anmeldeseite, erstellen Sie bei Ihrem Anbieter ein App-Passwort und verwenden Sie es als Passwort.',
    'export.guide.footer':
      'Erstellt am {date} mit MailSetup Assistant. Menünamen können je nach Version leicht abweichen.',
    'export.guide.support.heading': 'Brauchen Sie Hilfe?',
    'export.guide.support.intro': '{organisation} hilft Ihnen bei der Einrichtung Ihrer E-Mail:',
    'export.guide.support.phone': 'Telefon',
    'export.guide.support.mail': 'E-Mail',
    'export.guide.support.url': 'Webseite',
    'export.guide.logo-alt': 'Logo von {organisation}',

    'cli.export.usage':
      'Aufruf:\n  mailsetup export <adresse> --format FORMAT [--lang de|en] [--out DATEI] [--name "Ihr Name"] [--description TEXT]\n                   [--imap HOST:PORT/SEC | --pop3 HOST:PORT/SEC] [--smtp HOST:PORT/SEC] [--username NAME]\n                   [--offline] [--dns HOST[:PORT]] [--timeout SEKUNDEN] [--include-password-stdin] [--json]\n                   [--sign-cert DATEI --sign-key DATEI [--sign-chain DATEI]]\n\nFORMAT: {formats}.\nOhne --out geht die Datei auf die Standardausgabe; eine PDF-Anleitung braucht --out DATEI.pdf.\nOhne Server-Angaben werden die Einstellungen zuerst ermittelt.\nExit-Codes: 0 geschrieben, 1 interner Fehler, 2 ungültige Eingabe, 3 keine Einstellungen gefunden.',
    'cli.export.missing-format': '--format ist nötig: {formats}.',
    'cli.export.bad-format': 'Unbekanntes Format „{format}“. Wählen Sie eines von: {formats}.',
    'cli.export.pdf-needs-guide':
      'Nur Anleitungen gibt es als PDF; {format} ist eine Datei für das Mail-Programm selbst.',
    'cli.export.cannot-write': '{file} lässt sich nicht schreiben: {detail}',
    'cli.export.cannot-read': '{file} lässt sich nicht lesen: {detail}',
    'cli.export.sign-only-mobileconfig': '--sign-cert und --sign-key gibt es nur mit --format mobileconfig.',
    'cli.export.sign-needs-both':
      'Zum Signieren braucht es --sign-cert (das Zertifikat) und --sign-key (seinen privaten Schlüssel).',
    'cli.export.bad-signing': 'Mit diesen Dateien lässt sich das Profil nicht signieren: {detail}.',
    'cli.export.signed-needs-out': 'Ein signiertes Profil ist binär: Ergänzen Sie --out DATEI.mobileconfig.',
    'cli.export.json-needs-out':
      '--json braucht --out DATEI: Sonst geht die exportierte Datei selbst auf die Standardausgabe.',
    'cli.export.servers-incomplete':
      'Ein Export braucht einen Posteingangsserver (--imap oder --pop3) und einen Postausgangsserver (--smtp).',
    'cli.export.one-incoming': 'Geben Sie einen Posteingangsserver an: --imap oder --pop3, nicht beide.',
    'cli.export.password-only-mobileconfig':
      '--include-password-stdin gibt es nur mit --format mobileconfig.',
    'cli.export.password-empty': 'Auf der Standardeingabe kam kein Passwort an.',
    'cli.export.not-found':
      'Für {domain} wurden keine Einstellungen gefunden. Geben Sie die Server mit --imap oder --pop3 und mit --smtp an.',
    'cli.export.written': 'Geschrieben: {file}',
    'cli.export.warning': 'Warnung: {message}',
  },
};

const parts: Catalogue[] = [common, exportOutlookMessages, exportThunderbirdMessages, exportAppleMessages];

export const exportMessages: Catalogue = {
  en: Object.assign({}, ...parts.map((part) => part.en)),
  de: Object.assign({}, ...parts.map((part) => part.de)),
};
