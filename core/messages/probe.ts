// The connection test's own words: reasons that say more than an error code (`probe.<reason>` and
// `probe.<reason>.fix`, see core/probe/verdict.ts) and the `mailsetup test` checklist (`cli.test.*`).
// Error wording per code lives in errors.ts.

import type { Catalogue } from './catalogue.js';

export const probeMessages: Catalogue = {
  en: {
    'probe.lockout-guard':
      'MailSetup Assistant did not sign in, to protect your account: signing in here has already failed several times. Providers lock an account after a few failures (for example, five failures lock it for an hour).',
    'probe.lockout-guard.fix':
      'Check the user name and password first. If you are sure, confirm to try once more (on the command line: add --force).',
    'probe.lockout.count':
      '{failures} failed sign-ins counted for this account in the last {minutes} minutes; up to {limit} are tried without your confirmation. The count expires at {time}.',
    'probe.lockout.clear': 'No failed sign-ins are counted for this account.',
    'probe.lockout.skipped':
      'Not tried, to stay below the limit (the most important servers went first): {servers}.',
    'probe.lockout.ledger-replaced':
      'The file that counts failed sign-ins was damaged or unreadable and has been replaced; earlier failures may be missing from the count.',
    'probe.lockout.ledger-unavailable':
      'The file that counts failed sign-ins cannot be written; this run counted in memory only.',
    'probe.in-use':
      'The server accepted the sign-in but the mailbox is in use by another mail program or device, and it lets only one in at a time.',
    'probe.in-use.fix': 'Close other mail programs that use this mailbox, wait a few minutes and test again.',
    'probe.temporary':
      'The server could not check the password just now; the problem is on its side and is usually temporary.',
    'probe.temporary.fix':
      'Wait a while before you test again; trying again and again can lock the account. If it persists, ask your provider.',
    'probe.no-login':
      'The server offers no way to sign in on this connection, so a mail program cannot use it with your account.',
    'probe.no-login.fix':
      "Check the server name and port. For sending, use your provider's submission server (usually port 465 or 587).",
    'probe.no-password-login':
      'The server offers no sign-in method that MailSetup Assistant uses: a password is sent only with the PLAIN or LOGIN methods, and only over an encrypted connection.',
    'probe.no-password-login.fix':
      "Ask your provider whether mail programs can sign in with a password, or use the provider's recommended settings.",
    'probe.oauth-only':
      "This server accepts sign-in only through the provider's own sign-in page (OAuth2), not with a password.",
    'probe.oauth-only.fix':
      'Use a mail program that signs in through the provider, such as current Outlook, Thunderbird or Apple Mail. The password was not sent.',
    'probe.password-characters':
      'The password or user name contains a line break or an invisible control character, which no mail server accepts. Nothing was sent.',
    'probe.password-characters.fix': 'Type the password again by hand instead of copying it from somewhere.',
    'cli.test.usage':
      'Usage:\n  mailsetup test <address> [--imap HOST:PORT/SEC] [--pop3 HOST:PORT/SEC] [--smtp HOST:PORT/SEC]\n                 [--username NAME] (--password-stdin | --keychain) [--force] [--accept-untrusted] [--json] [--dns HOST[:PORT]]\n                 [--timeout SECONDS] [--offline] [--lang de|en]\n\nSEC is tls or starttls. Without server flags the settings are detected first.\nThe password is read from standard input, never from an argument.\n\nExit codes: 0 every server passed, 1 internal error, 2 bad input, 4 at least one server failed.',
    'cli.test.password-argument':
      'A password is never given as an argument: it would show in the process list. Pass it on standard input with --password-stdin, e.g.: printf %s "$PASSWORD" | mailsetup test you@example.org --password-stdin',
    'cli.test.password-missing':
      'mailsetup test needs the password on standard input: add --password-stdin (a password is never given as an argument, where it would show in the process list).',
    'cli.test.password-empty': 'No password arrived on standard input.',
    'cli.test.password-twice': 'Give the password one way only: --password-stdin or --keychain.',
    'cli.test.keychain-empty':
      'No password is saved in the keychain for {address}. Save one with: mailsetup keychain set {address} --password-stdin',
    'cli.test.password-characters':
      'The password on standard input contains a line break or NUL character inside it; no mail server accepts that.',
    'cli.test.title': 'Testing {address}',
    'cli.test.server': '{protocol} {host}:{port} {security}, user name {username}',
    'cli.test.connected': 'Connected ({ms} ms)',
    'cli.test.encrypted': 'Encrypted with {version} ({cipher})',
    'cli.test.certificate': 'Certificate valid until {date} for {names}',
    'cli.test.signed-in': 'Signed in',
    'cli.test.not-signed-in': 'Not signed in: the password was not sent.',
    'cli.test.cert.subject': 'Certificate for: {subject}',
    'cli.test.cert.issuer': 'Issued by: {issuer}',
    'cli.test.cert.validity': 'Valid from {from} until {to}',
    'cli.test.cert.names': 'Names: {names}',
    'cli.test.cert.fingerprint': 'SHA-256 fingerprint: {fingerprint}',
    'cli.test.detail': 'Details: {detail}',
    'cli.test.passed': 'All {count} servers work ({ms} ms).',
    'cli.test.failed': '{failed} of {count} servers failed ({ms} ms).',
    'cli.test.nothing': 'There is nothing to test: no settings were found for {domain}.',
    'cli.test.nothing.fix':
      'Give the servers with --imap, --pop3 and --smtp (HOST:PORT/SEC), as your provider lists them.',
  },
  de: {
    'probe.lockout-guard':
      'MailSetup Assistant hat sich nicht angemeldet, um Ihr Konto zu schützen: Die Anmeldung ist hier bereits mehrmals fehlgeschlagen. Anbieter sperren ein Konto nach wenigen Fehlversuchen (zum Beispiel nach fünf Fehlversuchen für eine Stunde).',
    'probe.lockout-guard.fix':
      'Prüfen Sie zuerst Benutzername und Passwort. Wenn Sie sicher sind, bestätigen Sie einen weiteren Versuch (auf der Kommandozeile: --force hinzufügen).',
    'probe.lockout.count':
      '{failures} fehlgeschlagene Anmeldungen für dieses Konto in den letzten {minutes} Minuten gezählt; bis zu {limit} werden ohne Ihre Bestätigung versucht. Die Zählung läuft ab um {time}.',
    'probe.lockout.clear': 'Für dieses Konto sind keine fehlgeschlagenen Anmeldungen gezählt.',
    'probe.lockout.skipped':
      'Nicht versucht, um unter der Grenze zu bleiben (die wichtigsten Server zuerst): {servers}.',
    'probe.lockout.ledger-replaced':
      'Die Datei, die fehlgeschlagene Anmeldungen zählt, war beschädigt oder nicht lesbar und wurde ersetzt; frühere Fehlversuche fehlen womöglich in der Zählung.',
    'probe.lockout.ledger-unavailable':
      'Die Datei, die fehlgeschlagene Anmeldungen zählt, kann nicht geschrieben werden; dieser Lauf hat nur im Speicher gezählt.',
    'probe.in-use':
      'Der Server hat die Anmeldung angenommen, aber das Postfach wird gerade von einem anderen E-Mail-Programm oder Gerät verwendet, und er lässt nur eines zugleich zu.',
    'probe.in-use.fix':
      'Schließen Sie andere E-Mail-Programme, die dieses Postfach verwenden, warten Sie einige Minuten und testen Sie erneut.',
    'probe.temporary':
      'Der Server konnte das Passwort gerade nicht prüfen; das Problem liegt bei ihm und ist meist vorübergehend.',
    'probe.temporary.fix':
      'Warten Sie eine Weile, bevor Sie erneut testen; wiederholte Versuche können das Konto sperren. Hält es an, fragen Sie Ihren Anbieter.',
    'probe.no-login':
      'Der Server bietet auf dieser Verbindung keine Anmeldung an; ein E-Mail-Programm kann ihn mit Ihrem Konto nicht verwenden.',
    'probe.no-login.fix':
      'Prüfen Sie Servername und Port. Zum Senden verwenden Sie den Einlieferungsserver Ihres Anbieters (meist Port 465 oder 587).',
    'probe.no-password-login':
      'Der Server bietet kein Anmeldeverfahren an, das MailSetup Assistant verwendet: Ein Passwort wird nur mit den Verfahren PLAIN oder LOGIN und nur über eine verschlüsselte Verbindung gesendet.',
    'probe.no-password-login.fix':
      'Fragen Sie Ihren Anbieter, ob sich E-Mail-Programme mit Passwort anmelden können, oder verwenden Sie die empfohlenen Einstellungen des Anbieters.',
    'probe.oauth-only':
      'Dieser Server nimmt Anmeldungen nur über die Anmeldeseite des Anbieters an (OAuth2), nicht mit einem Passwort.',
    'probe.oauth-only.fix':
      'Verwenden Sie ein E-Mail-Programm, das die Anmeldung beim Anbieter beherrscht, etwa ein aktuelles Outlook, Thunderbird oder Apple Mail. Das Passwort wurde nicht gesendet.',
    'probe.password-characters':
      'Passwort oder Benutzername enthalten einen Zeilenumbruch oder ein unsichtbares Steuerzeichen, das kein Mailserver annimmt. Es wurde nichts gesendet.',
    'probe.password-characters.fix':
      'Tippen Sie das Passwort von Hand ein, statt es von irgendwoher zu kopieren.',
    'cli.test.usage':
      'Aufruf:\n  mailsetup test <adresse> [--imap HOST:PORT/SEC] [--pop3 HOST:PORT/SEC] [--smtp HOST:PORT/SEC]\n                 [--username NAME] (--password-stdin | --keychain) [--force] [--accept-untrusted] [--json] [--dns HOST[:PORT]]\n                 [--timeout SEKUNDEN] [--offline] [--lang de|en]\n\nSEC ist tls oder starttls. Ohne Server-Angaben werden die Einstellungen zuerst ermittelt.\nDas Passwort wird von der Standardeingabe gelesen, nie aus einem Argument.\n\nExit-Codes: 0 alle Server in Ordnung, 1 interner Fehler, 2 ungültige Eingabe, 4 mindestens ein Server fehlgeschlagen.',
    'cli.test.password-argument':
      'Ein Passwort wird nie als Argument übergeben: Es wäre in der Prozessliste sichtbar. Übergeben Sie es mit --password-stdin über die Standardeingabe, z. B.: printf %s "$PASSWORT" | mailsetup test sie@example.org --password-stdin',
    'cli.test.password-missing':
      'mailsetup test braucht das Passwort über die Standardeingabe: Fügen Sie --password-stdin hinzu (ein Passwort wird nie als Argument übergeben, wo es in der Prozessliste sichtbar wäre).',
    'cli.test.password-empty': 'Über die Standardeingabe kam kein Passwort an.',
    'cli.test.password-twice':
      'Geben Sie das Passwort nur auf einem Weg an: --password-stdin oder --keychain.',
    'cli.test.keychain-empty':
      'Im Schlüsselbund ist für {address} kein Passwort gespeichert. Speichern Sie eines mit: mailsetup keychain set {address} --password-stdin',
    'cli.test.password-characters':
      'Das Passwort auf der Standardeingabe enthält einen Zeilenumbruch oder ein NUL-Zeichen; das nimmt kein Mailserver an.',
    'cli.test.title': 'Test für {address}',
    'cli.test.server': '{protocol} {host}:{port} {security}, Benutzername {username}',
    'cli.test.connected': 'Verbunden ({ms} ms)',
    'cli.test.encrypted': 'Verschlüsselt mit {version} ({cipher})',
    'cli.test.certificate': 'Zertifikat gültig bis {date} für {names}',
    'cli.test.signed-in': 'Angemeldet',
    'cli.test.not-signed-in': 'Nicht angemeldet: Das Passwort wurde nicht gesendet.',
    'cli.test.cert.subject': 'Zertifikat für: {subject}',
    'cli.test.cert.issuer': 'Ausgestellt von: {issuer}',
    'cli.test.cert.validity': 'Gültig von {from} bis {to}',
    'cli.test.cert.names': 'Namen: {names}',
    'cli.test.cert.fingerprint': 'SHA-256-Fingerabdruck: {fingerprint}',
    'cli.test.detail': 'Einzelheiten: {detail}',
    'cli.test.passed': 'Alle {count} Server funktionieren ({ms} ms).',
    'cli.test.failed': '{failed} von {count} Servern fehlgeschlagen ({ms} ms).',
    'cli.test.nothing': 'Es gibt nichts zu testen: Für {domain} wurden keine Einstellungen gefunden.',
    'cli.test.nothing.fix':
      'Geben Sie die Server mit --imap, --pop3 und --smtp an (HOST:PORT/SEC), wie Ihr Anbieter sie nennt.',
  },
};
