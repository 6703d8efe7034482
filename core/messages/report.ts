// The diagnostics report's own words (core/report/text.ts) and `mailsetup report`'s usage. Server
// lines reuse the `mailsetup test` checklist's sentences (probe.ts), detection lines detect's (cli.ts).

import type { Catalogue } from './catalogue.js';

export const reportMessages: Catalogue = {
  en: {
    'report.title': 'MailSetup Assistant diagnostics report',
    'report.created': 'Created: {date}',
    'report.app': 'App: {name} {version}',
    'report.system': 'System: {os} {release} ({arch}), {runtime}',
    'report.address': 'Address: {address}',
    'report.address.masked': 'Address: {address} (masked)',
    'report.policy.none': 'Policy: none',
    'report.policy': 'Policy: {file} ({origin})',
    'report.policy.preset': 'preset for this domain',
    'report.policy.no-preset': 'no preset for this domain',
    'report.policy.allowed': 'allowed domains: {domains}',
    'report.policy.protocols': 'incoming protocols allowed: {protocols}',
    'report.policy.locked': 'settings locked',
    'report.policy.app-password': 'app password required',
    'report.policy.pins': '{count} pinned certificate(s)',
    'report.policy.shadowed': 'also present, not used: {file}',
    'report.detection.title': 'Settings',
    'report.detection.given': 'Servers given by hand; nothing was detected.',
    'report.detection.source': 'Found in: {source} ({code})',
    'report.detection.trusted': 'Confirmed by the mail domain itself or by the administrator.',
    'report.lookups': 'Look-ups ({count}, {ms} ms in all):',
    'report.servers.title': 'Servers',
    'report.login.tested': 'Connection, encryption and one sign-in per server were tested.',
    'report.login.no-password':
      'Connection and encryption only: no password was given, so no sign-in was tried.',
    'report.login.untrusted-settings':
      'Connection and encryption only: the detected settings were not confirmed by the mail domain, so the password was not sent.',
    'report.server.ok': 'OK',
    'report.server.failed': 'FAILED',
    'report.server.timing': 'Time: {ms} ms ({phases})',
    'report.server.error': 'Error {code}: {message}',
    'report.cert.trusted': 'Certificate: trusted by this system and valid for the server name',
    'report.cert.pinned':
      "Certificate: pinned by the administrator's policy (its issuer is not trusted by this system); valid for the server name",
    'report.cert.untrusted': 'Certificate: NOT accepted',
    'report.auth.ok': 'Sign-in: accepted',
    'report.auth.failed': 'Sign-in: refused',
    'report.auth.not-attempted': 'Sign-in: not tried',
    'report.greeting': 'Greeting: {greeting}',
    'report.capabilities': 'Capabilities: {capabilities}',
    'report.transcript': 'Transcript (passwords are never shown):',
    'report.result.passed': 'Result: all {count} servers work.',
    'report.result.connected':
      'Result: all {count} servers answered with valid encryption (sign-in not tested).',
    'report.result.failed': 'Result: {failed} of {count} servers failed.',
    'report.result.nothing': 'Result: no server was checked.',
    'cli.report.password-argument':
      'A password is never given as an argument: it would show in the process list. Pass it on standard input with --password-stdin, e.g.: printf %s "$PASSWORD" | mailsetup report you@example.org --password-stdin',
    'cli.report.usage':
      'Usage:\n  mailsetup report <address> [--json] [--mask-address] [--imap|--pop3|--smtp HOST:PORT/SEC] [--username NAME]\n                   [--password-stdin] [--accept-untrusted] [--dns HOST[:PORT]] [--timeout SECONDS] [--offline]\n                   [--policy FILE] [--lang de|en]\n\nA report for the helpdesk: where the settings came from (every look-up), each server with its encryption,\ncertificate and transcript, the policy in force, the system and the app version. It never contains a password.\nWithout --password-stdin every server is reached and its encryption checked, but nobody signs in.\n--mask-address hides the address and its domain everywhere, as j***@m***.example.\n\nExit codes: 0 the report was made (whatever it found), 1 internal error, 2 bad input or an unusable policy.',
  },
  de: {
    'report.title': 'MailSetup Assistant – Diagnosebericht',
    'report.created': 'Erstellt: {date}',
    'report.app': 'App: {name} {version}',
    'report.system': 'System: {os} {release} ({arch}), {runtime}',
    'report.address': 'Adresse: {address}',
    'report.address.masked': 'Adresse: {address} (unkenntlich gemacht)',
    'report.policy.none': 'Richtlinie: keine',
    'report.policy': 'Richtlinie: {file} ({origin})',
    'report.policy.preset': 'Vorgabe für diese Domain',
    'report.policy.no-preset': 'keine Vorgabe für diese Domain',
    'report.policy.allowed': 'erlaubte Domains: {domains}',
    'report.policy.protocols': 'erlaubte Posteingangsprotokolle: {protocols}',
    'report.policy.locked': 'Einstellungen gesperrt',
    'report.policy.app-password': 'App-Passwort erforderlich',
    'report.policy.pins': '{count} fest hinterlegte(s) Zertifikat(e)',
    'report.policy.shadowed': 'ebenfalls vorhanden, nicht verwendet: {file}',
    'report.detection.title': 'Einstellungen',
    'report.detection.given': 'Server von Hand angegeben; es wurde nichts ermittelt.',
    'report.detection.source': 'Gefunden in: {source} ({code})',
    'report.detection.trusted': 'Von der E-Mail-Domain selbst oder vom Administrator bestätigt.',
    'report.lookups': 'Abfragen ({count}, insgesamt {ms} ms):',
    'report.servers.title': 'Server',
    'report.login.tested': 'Verbindung, Verschlüsselung und eine Anmeldung je Server wurden geprüft.',
    'report.login.no-password':
      'Nur Verbindung und Verschlüsselung: Es wurde kein Passwort angegeben, daher wurde keine Anmeldung versucht.',
    'report.login.untrusted-settings':
      'Nur Verbindung und Verschlüsselung: Die ermittelten Einstellungen wurden von der E-Mail-Domain nicht bestätigt, daher wurde das Passwort nicht gesendet.',
    'report.server.ok': 'OK',
    'report.server.failed': 'FEHLER',
    'report.server.timing': 'Dauer: {ms} ms ({phases})',
    'report.server.error': 'Fehler {code}: {message}',
    'report.cert.trusted':
      'Zertifikat: von diesem System als vertrauenswürdig anerkannt und für den Servernamen gültig',
    'report.cert.pinned':
      'Zertifikat: in der Richtlinie des Administrators fest hinterlegt (sein Aussteller ist diesem System nicht bekannt); für den Servernamen gültig',
    'report.cert.untrusted': 'Zertifikat: NICHT anerkannt',
    'report.auth.ok': 'Anmeldung: angenommen',
    'report.auth.failed': 'Anmeldung: abgelehnt',
    'report.auth.not-attempted': 'Anmeldung: nicht versucht',
    'report.greeting': 'Begrüßung: {greeting}',
    'report.capabilities': 'Fähigkeiten: {capabilities}',
    'report.transcript': 'Protokoll (Passwörter werden nie angezeigt):',
    'report.result.passed': 'Ergebnis: Alle {count} Server funktionieren.',
    'report.result.connected':
      'Ergebnis: Alle {count} Server antworteten mit gültiger Verschlüsselung (Anmeldung nicht geprüft).',
    'report.result.failed': 'Ergebnis: {failed} von {count} Servern fehlgeschlagen.',
    'report.result.nothing': 'Ergebnis: Es wurde kein Server geprüft.',
    'cli.report.password-argument':
      'Ein Passwort wird nie als Argument übergeben: Es wäre in der Prozessliste sichtbar. Übergeben Sie es mit --password-stdin über die Standardeingabe, z. B.: printf %s "$PASSWORT" | mailsetup report sie@example.org --password-stdin',
    'cli.report.usage':
      'Aufruf:\n  mailsetup report <adresse> [--json] [--mask-address] [--imap|--pop3|--smtp HOST:PORT/SEC] [--username NAME]\n                   [--password-stdin] [--accept-untrusted] [--dns HOST[:PORT]] [--timeout SEKUNDEN] [--offline]\n                   [--policy DATEI] [--lang de|en]\n\nEin Bericht für den Helpdesk: woher die Einstellungen stammen (jede Abfrage), jeder Server mit Verschlüsselung,\nZertifikat und Protokoll, die geltende Richtlinie, das System und die App-Version. Er enthält nie ein Passwort.\nOhne --password-stdin wird jeder Server erreicht und seine Verschlüsselung geprüft, aber niemand meldet sich an.\n--mask-address macht die Adresse und ihre Domain überall unkenntlich, etwa j***@m***.example.\n\nExit-Codes: 0 Bericht erstellt (was immer er zeigt), 1 interner Fehler, 2 ungültige Eingabe oder unbrauchbare Richtlinie.',
  },
};
