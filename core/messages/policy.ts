// The administrator's policy: what its error codes mean (`error.policy-*`), why a policy file cannot
// be used (`policy.issue.*`, one per rule of core/policy/schema.ts), and its hints.

import type { Catalogue } from './catalogue.js';

export const policyMessages: Catalogue = {
  en: {
    'error.policy-invalid': "Your administrator's policy file cannot be used.",
    'error.policy-invalid.fix':
      'Tell your IT department what the message says; until the policy file is corrected, MailSetup Assistant sets up no accounts.',
    'error.policy-domain-not-allowed':
      "Your administrator's policy does not allow setting up addresses of this domain.",
    'error.policy-domain-not-allowed.fix':
      'Use your address at one of the domains your organisation allows, or ask your IT department.',
    'error.policy-protocol-not-allowed':
      "Your administrator's policy does not allow this way of receiving mail (for example POP3).",
    'error.policy-protocol-not-allowed.fix':
      'Use the protocol the policy allows, usually IMAP, or ask your IT department.',
    'error.policy-format-not-allowed': "Your administrator's policy does not allow this kind of set-up file.",
    'error.policy-format-not-allowed.fix':
      'Choose one of the formats the policy allows, or ask your IT department.',
    'policy.invalid': 'The policy file {file} cannot be used:',
    'policy.invalid.whole-file': 'the file',
    'policy.issue.required': 'is required',
    'policy.issue.domain': '{value} is not a domain name such as example.com',
    'policy.issue.host': '{value} is not a host name such as mail.example.com',
    'policy.issue.port': 'a port is a whole number from 1 to 65535 (got {value})',
    'policy.issue.security':
      '{value} is not allowed: use "tls" (SSL/TLS, ports 993, 995, 465) or "starttls" (ports 143, 110, 587); there is no unencrypted choice',
    'policy.issue.incoming-protocol': 'incoming servers are "imap" or "pop3" (got {value})',
    'policy.issue.outgoing-protocol': 'outgoing servers are "smtp" (got {value})',
    'policy.issue.auth': 'must be "password", "app-password" or "oauth2" (got {value})',
    'policy.issue.username': 'a user name pattern is text of 1 to 254 characters (got {value})',
    'policy.issue.username-characters':
      'a user name pattern must not contain line breaks or control characters',
    'policy.issue.placeholder':
      'unknown placeholder {placeholder}: use %EMAILADDRESS%, %EMAILLOCALPART% or %EMAILDOMAIN%',
    'policy.issue.list': 'must be a list [...] (got {value})',
    'policy.issue.empty-list': 'must not be empty',
    'policy.issue.text': 'must be text (got {value})',
    'policy.issue.boolean': 'must be true or false (got {value})',
    'policy.issue.export-format': 'unknown format {value}: use {formats}',
    'policy.issue.phone': '{value} is not a phone number (digits, spaces and + ( ) - / . only)',
    'policy.issue.support-mail': '{value} is not an e-mail address',
    'policy.issue.support-url': '{value} is not an https:// address',
    'policy.issue.oauth-issuer': '{value} is not an https:// issuer address',
    'policy.issue.logo':
      '{value} is neither an image file (.png, .jpg, .jpeg, .svg, .webp) nor a data:image URL; the app loads nothing from the internet',
    'policy.issue.logo-data-url':
      'a data URL must look like data:image/png;base64,... (png, jpeg, svg+xml or webp)',
    'policy.issue.logo-too-big': 'the logo is larger than {max} KB',
    'policy.issue.logo-not-image': 'the logo is not the PNG, JPEG, SVG or WebP image it claims to be',
    'policy.issue.logo-unreadable': 'the logo file cannot be read: {reason}',
    'policy.issue.fingerprint':
      '{value} is not a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed (as "openssl x509 -noout -fingerprint -sha256" prints it)',
    'policy.issue.duplicate-domain': '{domain} already has a preset (presets[{index}])',
    'policy.issue.preset-domain-not-allowed': '{domain} is outside allowedDomains',
    'policy.issue.preset-protocol-not-allowed': '{protocol} is not in protocols',
    'policy.issue.json': 'not valid JSON: {reason}',
    'policy.issue.json-at': 'not valid JSON at line {line}, column {column}: {reason}',
    'policy.issue.not-found': 'the file does not exist',
    'policy.issue.not-a-file': 'this is not a file',
    'policy.issue.unreadable': 'the file cannot be read ({reason})',
    'policy.issue.too-big': 'the file is larger than {max} KB',
    'policy.issue.locked':
      'the per-machine policy {machine} locks the settings (lockSettings), so no other policy file may replace it',
    'policy.origin.option': 'given with --policy',
    'policy.origin.environment': 'from MAILSETUP_POLICY',
    'policy.origin.machine': 'per-machine file',
    'policy.origin.user': 'per-user file',
    'policy.your-organisation': 'your organisation',
    'policy.hint.app-password':
      '{organisation} requires an app password for mail programs: create one in your account settings and enter it here instead of your usual password.',
    'policy.hint.protocols-filtered':
      'Your administrator allows only {allowed} for incoming mail, so the {dropped} servers were left out.',
    'policy.lookup.protocols-filtered': 'only {dropped} offered; the policy allows {allowed}',
    'policy.cli.domain-not-allowed':
      "{address} is not at a domain your administrator's policy allows ({domains}).",
    'policy.cli.protocol-not-allowed':
      "Your administrator's policy allows only {protocols} for incoming mail, not {protocol}.",
    'policy.cli.format-not-allowed':
      "Your administrator's policy does not allow the format {format}; allowed: {formats}.",
  },
  de: {
    'error.policy-invalid': 'Die Richtliniendatei Ihres Administrators kann nicht verwendet werden.',
    'error.policy-invalid.fix':
      'Teilen Sie Ihrer IT-Abteilung mit, was die Meldung sagt; bis die Richtliniendatei korrigiert ist, richtet MailSetup Assistant keine Konten ein.',
    'error.policy-domain-not-allowed':
      'Die Richtlinie Ihres Administrators erlaubt es nicht, Adressen dieser Domain einzurichten.',
    'error.policy-domain-not-allowed.fix':
      'Verwenden Sie Ihre Adresse bei einer der Domains, die Ihre Organisation erlaubt, oder fragen Sie Ihre IT-Abteilung.',
    'error.policy-protocol-not-allowed':
      'Die Richtlinie Ihres Administrators erlaubt diese Art des E-Mail-Abrufs nicht (zum Beispiel POP3).',
    'error.policy-protocol-not-allowed.fix':
      'Verwenden Sie das Protokoll, das die Richtlinie erlaubt, meist IMAP, oder fragen Sie Ihre IT-Abteilung.',
    'error.policy-format-not-allowed':
      'Die Richtlinie Ihres Administrators erlaubt diese Art von Einrichtungsdatei nicht.',
    'error.policy-format-not-allowed.fix':
      'Wählen Sie eines der Formate, die die Richtlinie erlaubt, oder fragen Sie Ihre IT-Abteilung.',
    'policy.invalid': 'Die Richtliniendatei {file} kann nicht verwendet werden:',
    'policy.invalid.whole-file': 'die Datei',
    'policy.issue.required': 'ist erforderlich',
    'policy.issue.domain': '{value} ist kein Domainname wie example.com',
    'policy.issue.host': '{value} ist kein Servername wie mail.example.com',
    'policy.issue.port': 'ein Port ist eine ganze Zahl von 1 bis 65535 (angegeben: {value})',
    'policy.issue.security':
      '{value} ist nicht erlaubt: Verwenden Sie "tls" (SSL/TLS, Ports 993, 995, 465) oder "starttls" (Ports 143, 110, 587); eine unverschlüsselte Wahl gibt es nicht',
    'policy.issue.incoming-protocol': 'Posteingangsserver sind "imap" oder "pop3" (angegeben: {value})',
    'policy.issue.outgoing-protocol': 'Postausgangsserver sind "smtp" (angegeben: {value})',
    'policy.issue.auth': 'muss "password", "app-password" oder "oauth2" sein (angegeben: {value})',
    'policy.issue.username': 'ein Benutzernamen-Muster ist Text mit 1 bis 254 Zeichen (angegeben: {value})',
    'policy.issue.username-characters':
      'ein Benutzernamen-Muster darf keine Zeilenumbrüche oder Steuerzeichen enthalten',
    'policy.issue.placeholder':
      'unbekannter Platzhalter {placeholder}: Verwenden Sie %EMAILADDRESS%, %EMAILLOCALPART% oder %EMAILDOMAIN%',
    'policy.issue.list': 'muss eine Liste [...] sein (angegeben: {value})',
    'policy.issue.empty-list': 'darf nicht leer sein',
    'policy.issue.text': 'muss Text sein (angegeben: {value})',
    'policy.issue.boolean': 'muss true oder false sein (angegeben: {value})',
    'policy.issue.export-format': 'unbekanntes Format {value}: Verwenden Sie {formats}',
    'policy.issue.phone': '{value} ist keine Telefonnummer (nur Ziffern, Leerzeichen und + ( ) - / .)',
    'policy.issue.support-mail': '{value} ist keine E-Mail-Adresse',
    'policy.issue.support-url': '{value} ist keine https://-Adresse',
    'policy.issue.oauth-issuer': '{value} ist keine https://-Adresse eines Anmeldedienstes',
    'policy.issue.logo':
      '{value} ist weder eine Bilddatei (.png, .jpg, .jpeg, .svg, .webp) noch eine data:image-URL; die App lädt nichts aus dem Internet',
    'policy.issue.logo-data-url':
      'eine data-URL muss so aussehen: data:image/png;base64,... (png, jpeg, svg+xml oder webp)',
    'policy.issue.logo-too-big': 'das Logo ist größer als {max} KB',
    'policy.issue.logo-not-image':
      'das Logo ist nicht das PNG-, JPEG-, SVG- oder WebP-Bild, das es zu sein vorgibt',
    'policy.issue.logo-unreadable': 'die Logodatei kann nicht gelesen werden: {reason}',
    'policy.issue.fingerprint':
      '{value} ist kein SHA-256-Fingerabdruck: 64 Hexadezimalziffern, Doppelpunkte erlaubt (wie "openssl x509 -noout -fingerprint -sha256" ihn ausgibt)',
    'policy.issue.duplicate-domain': 'für {domain} gibt es schon eine Vorgabe (presets[{index}])',
    'policy.issue.preset-domain-not-allowed': '{domain} liegt außerhalb von allowedDomains',
    'policy.issue.preset-protocol-not-allowed': '{protocol} steht nicht in protocols',
    'policy.issue.json': 'kein gültiges JSON: {reason}',
    'policy.issue.json-at': 'kein gültiges JSON in Zeile {line}, Spalte {column}: {reason}',
    'policy.issue.not-found': 'die Datei existiert nicht',
    'policy.issue.not-a-file': 'das ist keine Datei',
    'policy.issue.unreadable': 'die Datei kann nicht gelesen werden ({reason})',
    'policy.issue.too-big': 'die Datei ist größer als {max} KB',
    'policy.issue.locked':
      'die Richtlinie für diesen Rechner ({machine}) sperrt die Einstellungen (lockSettings), daher darf keine andere Richtliniendatei sie ersetzen',
    'policy.origin.option': 'mit --policy angegeben',
    'policy.origin.environment': 'aus MAILSETUP_POLICY',
    'policy.origin.machine': 'Datei für diesen Rechner',
    'policy.origin.user': 'Datei für diesen Benutzer',
    'policy.your-organisation': 'Ihre Organisation',
    'policy.hint.app-password':
      '{organisation} verlangt für E-Mail-Programme ein App-Passwort: Erstellen Sie eines in Ihren Kontoeinstellungen und geben Sie es hier statt Ihres üblichen Passworts ein.',
    'policy.hint.protocols-filtered':
      'Ihr Administrator erlaubt für den Posteingang nur {allowed}, daher wurden die {dropped}-Server weggelassen.',
    'policy.lookup.protocols-filtered': 'nur {dropped} angeboten; die Richtlinie erlaubt {allowed}',
    'policy.cli.domain-not-allowed':
      '{address} gehört zu keiner Domain, die die Richtlinie Ihres Administrators erlaubt ({domains}).',
    'policy.cli.protocol-not-allowed':
      'Die Richtlinie Ihres Administrators erlaubt für den Posteingang nur {protocols}, nicht {protocol}.',
    'policy.cli.format-not-allowed':
      'Die Richtlinie Ihres Administrators erlaubt das Format {format} nicht; erlaubt: {formats}.',
  },
};
