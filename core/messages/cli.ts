// The command line's own words (summaries and usage); error wording lives in errors.ts.

import type { Catalogue } from './catalogue.js';

export const cliMessages: Catalogue = {
  en: {
    'cli.usage':
      "Usage: mailsetup COMMAND [options]\n\nCommands:\n  detect <address>     find the server settings of an address\n  test <address>       sign in to the servers over verified TLS (password on standard input or from the keychain)\n  export <address>     write a set-up file or a step-by-step guide for Outlook, Thunderbird or Apple Mail\n  keychain             list, save, rename or delete app passwords in the system's password store\n  report <address>     a diagnostics report for the helpdesk, never with a password\n  domain <domain>      check how a mail domain is set up (MX, SPF, DMARC, MTA-STS, published settings)\n\nOptions most commands take:\n  --json               JSON on standard output, for scripts\n  --lang de|en         the language of every message\n  --policy FILE        the administrator's policy file to use\n  --dns HOST[:PORT]    send every name look-up to this DNS server (also MAILSETUP_DNS)\n  --timeout SECONDS    give up after this long (1 to 120)\n  --offline            ask the built-in provider list only, no network\n\n\"mailsetup COMMAND --help\" shows a command's options and examples.\nExit codes: 0 done, 1 internal error, 2 bad input, 3 no settings found, 4 a server failed (test).",
    'cli.unknown-command': 'Unknown command "{command}".',
    'cli.detect.usage':
      "Usage:\n  mailsetup detect <address> [--json] [--offline] [--dns HOST[:PORT]] [--timeout SECONDS] [--policy FILE] [--lang de|en]\n\nAsks every source at once (the built-in provider list, the provider's published settings, Thunderbird's ISPDB, MX,\nSRV, Outlook autodiscover, careful guessing) and shows the best answer, where it came from and whether your mail\ndomain stands behind it. --offline asks the built-in list only.\n\nExit codes: 0 settings found, 1 internal error, 2 bad input, 3 no settings found.",
    'cli.examples.detect':
      'Examples:\n  mailsetup detect anna@example.org\n  mailsetup detect anna@example.org --json --timeout 5\n  mailsetup detect jörg@müller.example --offline --lang de',
    'cli.examples.test':
      'Examples:\n  printf %s "$PASSWORD" | mailsetup test anna@example.org --password-stdin\n  mailsetup test anna@example.org --keychain --json\n  printf %s "$PASSWORD" | mailsetup test anna@example.org --imap imap.example.org:993/tls --smtp smtp.example.org:465/tls --password-stdin',
    'cli.examples.export':
      'Examples:\n  mailsetup export anna@example.org --format thunderbird --out config-v1.1.xml\n  mailsetup export anna@example.org --format guide-outlook --lang de --out anleitung.pdf\n  mailsetup export anna@example.org --format mobileconfig --imap imap.example.org:993/tls --smtp smtp.example.org:465/tls --out anna.mobileconfig',
    'cli.examples.keychain':
      'Examples:\n  printf %s "$APP_PASSWORD" | mailsetup keychain set anna@example.org --label "Outlook on the office PC" --password-stdin\n  mailsetup keychain list --json\n  mailsetup keychain rename anna@example.org --label "Outlook on the office PC" --to "Outlook on the laptop"\n  mailsetup keychain delete anna@example.org --label "Outlook on the laptop"',
    'cli.examples.report':
      'Examples:\n  mailsetup report anna@example.org\n  printf %s "$PASSWORD" | mailsetup report anna@example.org --password-stdin --mask-address --json',
    'cli.examples.domain':
      'Examples:\n  mailsetup domain example.org\n  mailsetup domain example.org --json --lang de',
    'cli.unknown-option': 'Unknown option {option}.',
    'cli.option-needs-value': 'The option {option} needs a value.',
    'cli.option-takes-no-value': 'The option {option} takes no value.',
    'cli.detect.elapsed-offline': 'Offline: only the built-in provider list was asked ({ms} ms).',
    'cli.not-yet': 'The command "{command}" is not available in this version yet.',
    'cli.export.password-argument':
      'A password is never given as an argument: it would show in the process list. For a profile that holds the password, pass it on standard input with --include-password-stdin.',
    'cli.bad-option': '{detail}',
    'cli.missing-address': 'Please give an e-mail address, e.g. mailsetup detect you@example.org',
    'cli.bad-timeout': '--timeout needs a number of seconds between 1 and 120.',
    'cli.bad-lang': '--lang must be de or en.',
    'cli.detect.title': 'Settings for {address}',
    'cli.detect.domain': 'Mail domain: {domain}',
    'cli.detect.provider': 'Provider: {name}',
    'cli.detect.source': 'Where from: {source}',
    'cli.detect.as-of': '{source}, as of {date}',
    'cli.detect.confirmed': 'Confirmed by: {sources}',
    'cli.detect.untrusted':
      'Not confirmed by your mail domain itself: check these settings before you use them.',
    'cli.detect.incoming': 'Incoming',
    'cli.detect.outgoing': 'Outgoing',
    'cli.detect.user': 'user name',
    'cli.detect.hints': 'Please note:',
    'cli.detect.warnings': 'Warnings:',
    'cli.detect.not-found': 'No settings were found for {domain}.',
    'cli.detect.not-found.fix':
      "Ask your provider for the server names, or look them up on the provider's help pages; then enter them by hand.",
    'cli.detect.elapsed': 'Searched in {ms} ms ({count} look-ups).',
    'cli.security.tls': 'SSL/TLS',
    'cli.security.starttls': 'STARTTLS',
    'cli.auth.password': 'password',
    'cli.auth.app-password': 'app password',
    'cli.auth.oauth2': 'sign-in through the provider (OAuth2)',
    'cli.source.policy': "your administrator's settings",
    'cli.source.bundled': 'built-in list',
    'cli.source.pacc': "the provider's verified configuration (PACC)",
    'cli.source.autoconfig': "the provider's configuration file",
    'cli.source.ispdb': 'the Thunderbird provider database',
    'cli.source.mx': "the domain's mail routing (MX)",
    'cli.source.srv': "the domain's service records (SRV)",
    'cli.source.autodiscover': 'Outlook autodiscover',
    'cli.source.guess': 'testing common server names',
    'cli.bad-server': '{flag} needs HOST:PORT/SEC, e.g. imap.example.org:993/tls (got "{value}").',
    'cli.bad-security':
      '{flag}: SEC must be tls or starttls; there is no unencrypted choice (got "{value}").',
    'cli.error': 'Error: {message}',
    'cli.fix': 'What to do: {fix}',
  },
  de: {
    'cli.usage':
      'Aufruf: mailsetup BEFEHL [Optionen]\n\nBefehle:\n  detect <adresse>     die Servereinstellungen einer Adresse finden\n  test <adresse>       sich über geprüftes TLS an den Servern anmelden (Passwort über die Standardeingabe oder aus dem Passwortspeicher)\n  export <adresse>     eine Einrichtungsdatei oder eine Schritt-für-Schritt-Anleitung für Outlook, Thunderbird oder Apple Mail schreiben\n  keychain             App-Passwörter im Passwortspeicher des Systems auflisten, speichern, umbenennen oder löschen\n  report <adresse>     ein Diagnosebericht für den Helpdesk, nie mit Passwort\n  domain <domain>      prüfen, wie eine Mail-Domain eingerichtet ist (MX, SPF, DMARC, MTA-STS, veröffentlichte Einstellungen)\n\nOptionen der meisten Befehle:\n  --json               JSON auf der Standardausgabe, für Skripte\n  --lang de|en         die Sprache aller Meldungen\n  --policy DATEI       die Richtliniendatei des Administrators\n  --dns HOST[:PORT]    jede Namensabfrage an diesen DNS-Server schicken (auch MAILSETUP_DNS)\n  --timeout SEKUNDEN   nach so langer Zeit aufgeben (1 bis 120)\n  --offline            nur die eingebaute Anbieterliste fragen, kein Netzwerk\n\n„mailsetup BEFEHL --help“ zeigt die Optionen und Beispiele eines Befehls.\nExit-Codes: 0 erledigt, 1 interner Fehler, 2 ungültige Eingabe, 3 keine Einstellungen gefunden, 4 ein Server fehlgeschlagen (test).',
    'cli.unknown-command': 'Unbekannter Befehl „{command}“.',
    'cli.detect.usage':
      'Aufruf:\n  mailsetup detect <adresse> [--json] [--offline] [--dns HOST[:PORT]] [--timeout SEKUNDEN] [--policy DATEI] [--lang de|en]\n\nFragt alle Quellen zugleich (die eingebaute Anbieterliste, die veröffentlichten Einstellungen des Anbieters,\nThunderbirds ISPDB, MX, SRV, Outlook-Autodiscover, vorsichtiges Raten) und zeigt die beste Antwort, woher sie\nstammt und ob Ihre Mail-Domain dafür einsteht. --offline fragt nur die eingebaute Liste.\n\nExit-Codes: 0 Einstellungen gefunden, 1 interner Fehler, 2 ungültige Eingabe, 3 keine Einstellungen gefunden.',
    'cli.examples.detect':
      'Beispiele:\n  mailsetup detect anna@example.org\n  mailsetup detect anna@example.org --json --timeout 5\n  mailsetup detect jörg@müller.example --offline --lang de',
    'cli.examples.test':
      'Beispiele:\n  printf %s "$PASSWORT" | mailsetup test anna@example.org --password-stdin\n  mailsetup test anna@example.org --keychain --json\n  printf %s "$PASSWORT" | mailsetup test anna@example.org --imap imap.example.org:993/tls --smtp smtp.example.org:465/tls --password-stdin',
    'cli.examples.export':
      'Beispiele:\n  mailsetup export anna@example.org --format thunderbird --out config-v1.1.xml\n  mailsetup export anna@example.org --format guide-outlook --lang de --out anleitung.pdf\n  mailsetup export anna@example.org --format mobileconfig --imap imap.example.org:993/tls --smtp smtp.example.org:465/tls --out anna.mobileconfig',
    'cli.examples.keychain':
      'Beispiele:\n  printf %s "$APP_PASSWORT" | mailsetup keychain set anna@example.org --label "Outlook auf dem Büro-PC" --password-stdin\n  mailsetup keychain list --json\n  mailsetup keychain rename anna@example.org --label "Outlook auf dem Büro-PC" --to "Outlook auf dem Laptop"\n  mailsetup keychain delete anna@example.org --label "Outlook auf dem Laptop"',
    'cli.examples.report':
      'Beispiele:\n  mailsetup report anna@example.org\n  printf %s "$PASSWORT" | mailsetup report anna@example.org --password-stdin --mask-address --json',
    'cli.examples.domain':
      'Beispiele:\n  mailsetup domain example.org\n  mailsetup domain example.org --json --lang de',
    'cli.unknown-option': 'Unbekannte Option {option}.',
    'cli.option-needs-value': 'Die Option {option} braucht einen Wert.',
    'cli.option-takes-no-value': 'Die Option {option} nimmt keinen Wert.',
    'cli.detect.elapsed-offline': 'Offline: nur die eingebaute Anbieterliste wurde gefragt ({ms} ms).',
    'cli.not-yet': 'Der Befehl „{command}“ ist in dieser Version noch nicht verfügbar.',
    'cli.export.password-argument':
      'Ein Passwort wird nie als Argument übergeben: Es wäre in der Prozessliste sichtbar. Für ein Profil mit Passwort übergeben Sie es mit --include-password-stdin über die Standardeingabe.',
    'cli.bad-option': '{detail}',
    'cli.missing-address': 'Bitte geben Sie eine E-Mail-Adresse an, z. B. mailsetup detect sie@example.org',
    'cli.bad-timeout': '--timeout braucht eine Anzahl Sekunden zwischen 1 und 120.',
    'cli.bad-lang': '--lang muss de oder en sein.',
    'cli.detect.title': 'Einstellungen für {address}',
    'cli.detect.domain': 'Mail-Domain: {domain}',
    'cli.detect.provider': 'Anbieter: {name}',
    'cli.detect.source': 'Herkunft: {source}',
    'cli.detect.as-of': '{source}, Stand {date}',
    'cli.detect.confirmed': 'Bestätigt durch: {sources}',
    'cli.detect.untrusted':
      'Nicht von Ihrer Mail-Domain selbst bestätigt: Prüfen Sie diese Einstellungen, bevor Sie sie verwenden.',
    'cli.detect.incoming': 'Eingang',
    'cli.detect.outgoing': 'Ausgang',
    'cli.detect.user': 'Benutzername',
    'cli.detect.hints': 'Bitte beachten Sie:',
    'cli.detect.warnings': 'Warnungen:',
    'cli.detect.not-found': 'Für {domain} wurden keine Einstellungen gefunden.',
    'cli.detect.not-found.fix':
      'Fragen Sie Ihren Anbieter nach den Servernamen oder schauen Sie auf seinen Hilfeseiten nach; tragen Sie sie dann von Hand ein.',
    'cli.detect.elapsed': 'Gesucht in {ms} ms ({count} Abfragen).',
    'cli.security.tls': 'SSL/TLS',
    'cli.security.starttls': 'STARTTLS',
    'cli.auth.password': 'Passwort',
    'cli.auth.app-password': 'App-Passwort',
    'cli.auth.oauth2': 'Anmeldung beim Anbieter (OAuth2)',
    'cli.source.policy': 'Vorgaben Ihres Administrators',
    'cli.source.bundled': 'eingebaute Liste',
    'cli.source.pacc': 'die geprüfte Konfiguration des Anbieters (PACC)',
    'cli.source.autoconfig': 'die Konfigurationsdatei des Anbieters',
    'cli.source.ispdb': 'die Anbieter-Datenbank von Thunderbird',
    'cli.source.mx': 'das Mail-Routing der Domain (MX)',
    'cli.source.srv': 'die Diensteinträge der Domain (SRV)',
    'cli.source.autodiscover': 'Outlook-Autodiscover',
    'cli.source.guess': 'Ausprobieren üblicher Servernamen',
    'cli.bad-server': '{flag} braucht HOST:PORT/SEC, z. B. imap.example.org:993/tls (erhalten: „{value}“).',
    'cli.bad-security':
      '{flag}: SEC muss tls oder starttls sein; eine unverschlüsselte Wahl gibt es nicht (erhalten: „{value}“).',
    'cli.error': 'Fehler: {message}',
    'cli.fix': 'Was tun: {fix}',
  },
};
