// The Thunderbird guide's steps (Thunderbird 128 and later), with the labels of its accountSetup.ftl.

import type { Catalogue } from './catalogue.js';

export const exportThunderbirdMessages: Catalogue = {
  en: {
    'export.thunderbird.heading': 'Thunderbird 128 and later',
    'export.thunderbird.open':
      'Open ≡ › New › Existing Mail Account… (with the menu bar: File › New › Existing Mail Account…).',
    'export.thunderbird.identity': 'Enter your name, your e-mail address and your password:',
    'export.thunderbird.manual': 'Click “Configure manually”.',
    'export.thunderbird.incoming': 'Under “Incoming Server”, enter:',
    'export.thunderbird.outgoing': 'Under “Outgoing Server”, enter:',
    'export.thunderbird.retest':
      'Click “Re-test”. When Thunderbird has confirmed the settings, click “Done”.',
    'export.thunderbird.pop3-leave':
      'So that your messages stay on the POP3 server for your other devices: ≡ › Account Settings › Server Settings of this account, tick “Leave messages on server”.',
    'export.thunderbird.pop3-remove':
      'So that Thunderbird removes your messages from the POP3 server after downloading them: ≡ › Account Settings › Server Settings of this account, untick “Leave messages on server”.',
    'export.thunderbird.auth.password': 'Normal password',
    'export.thunderbird.label.name': 'Your full name',
    'export.thunderbird.label.address': 'Email address',
    'export.thunderbird.label.password': 'Password',
    'export.thunderbird.label.protocol': 'Protocol',
    'export.thunderbird.label.hostname': 'Hostname',
    'export.thunderbird.label.port': 'Port',
    'export.thunderbird.label.security': 'Connection security',
    'export.thunderbird.label.auth': 'Authentication method',
    'export.thunderbird.label.username': 'Username',
  },
  de: {
    'export.thunderbird.heading': 'Thunderbird 128 und neuer',
    'export.thunderbird.open':
      'Öffnen Sie ≡ › Neu › Bestehendes E-Mail-Konto… (mit Menüleiste: Datei › Neu › Bestehendes E-Mail-Konto…).',
    'export.thunderbird.identity': 'Geben Sie Ihren Namen, Ihre E-Mail-Adresse und Ihr Passwort ein:',
    'export.thunderbird.manual': 'Klicken Sie auf „Manuell einrichten“.',
    'export.thunderbird.incoming': 'Tragen Sie unter „Posteingangs-Server“ ein:',
    'export.thunderbird.outgoing': 'Tragen Sie unter „Postausgangs-Server“ ein:',
    'export.thunderbird.retest':
      'Klicken Sie auf „Erneut testen“. Sobald Thunderbird die Einstellungen bestätigt hat, klicken Sie auf „Fertig“.',
    'export.thunderbird.pop3-leave':
      'Damit Ihre Nachrichten für Ihre anderen Geräte auf dem POP3-Server bleiben: ≡ › Konten-Einstellungen › Server-Einstellungen dieses Kontos, „Nachrichten auf dem Server belassen“ ankreuzen.',
    'export.thunderbird.pop3-remove':
      'Damit Thunderbird Ihre Nachrichten nach dem Herunterladen vom POP3-Server entfernt: ≡ › Konten-Einstellungen › Server-Einstellungen dieses Kontos, „Nachrichten auf dem Server belassen“ abwählen.',
    'export.thunderbird.auth.password': 'Passwort, normal',
    'export.thunderbird.label.name': 'Ihr vollständiger Name',
    'export.thunderbird.label.address': 'E-Mail-Adresse',
    'export.thunderbird.label.password': 'Passwort',
    'export.thunderbird.label.protocol': 'Protokoll',
    'export.thunderbird.label.hostname': 'Server',
    'export.thunderbird.label.port': 'Port',
    'export.thunderbird.label.security': 'Verbindungssicherheit',
    'export.thunderbird.label.auth': 'Authentifizierungsmethode',
    'export.thunderbird.label.username': 'Benutzername',
  },
};
