// What the person must do before a provider lets a mail program in, keyed `hint.<code>` by the codes
// in discovery/providers.json. `{provider}` is the provider's name (FoundConfig.provider.name).

import type { Catalogue } from './catalogue.js';

export const hintMessages: Catalogue = {
  en: {
    'hint.app-password-required':
      '{provider} needs an app password for mail programs. Sign in to {provider} in your browser, turn on two-step verification if {provider} asks for it, create an app password for this device and enter it here instead of your usual password.',
    'hint.app-password-if-2fa':
      'If two-step verification is on for your {provider} account, mail programs need an app password: create one in the {provider} settings and enter it here instead of your usual password.',
    'hint.enable-imap-first':
      '{provider} lets mail programs in only after you allow it once: sign in to {provider} in your browser, switch on POP3/IMAP access in the e-mail settings, then try again here.',
    'hint.oauth2-only':
      '{provider} no longer accepts passwords from mail programs: they must sign in through the {provider} sign-in page (OAuth2). Use a mail program that supports this, such as current Outlook, Thunderbird or Apple Mail.',
    'hint.email-password-required':
      '{provider} uses a separate e-mail password for mail programs; the password you sign in with on the website does not work here. Set up an e-mail password in the {provider} customer centre and enter that one.',
    // The same facts, worded for a guide or an exported file: read before the mail program is set up,
    // not in the wizard (no "here"). `{provider}` as above.
    'export.hint.heading': 'Before you start',
    'export.hint.after-export': 'Before you use this file:',
    'export.hint.page': 'Page',
    'export.hint.app-password-required':
      '{provider} needs an app password for mail programs. Sign in to {provider} in your browser, turn on two-step verification if {provider} asks for it, and create an app password for this device. Give the mail program that app password, not your usual password.',
    'export.hint.app-password-if-2fa':
      'If two-step verification is on for your {provider} account, mail programs need an app password: create one in the {provider} settings and give the mail program that app password, not your usual password.',
    'export.hint.enable-imap-first':
      '{provider} lets mail programs in only after you allow it once: sign in to {provider} in your browser and switch on POP3/IMAP access in the e-mail settings before you set up the mail program.',
    'export.hint.oauth2-only':
      '{provider} no longer accepts passwords from mail programs: the mail program must sign in through the {provider} sign-in page (OAuth2). Use a current version of Outlook, Thunderbird or Apple Mail, which can do this.',
    'export.hint.email-password-required':
      '{provider} uses a separate e-mail password for mail programs; the password you sign in with on the website does not work there. Set up an e-mail password in the {provider} customer centre and give the mail program that one.',
    'export.hint.provider-instruction': '{provider} says: {text}',
    'export.hint.lockout-after-failures':
      '{provider} locks the mailbox for {minutes} minutes after {failures} wrong passwords, and nobody can lift the lock sooner. Type the password into the mail program carefully (capital letters count).',
    'export.hint.groupware-activesync':
      '{provider} also offers calendar, contacts and tasks through ActiveSync (Exchange). Mail programs that speak it, such as Outlook or Apple Mail, can set that up as an extra account.',
    'export.hint.cram-md5-listed':
      "{provider}'s entry in Thunderbird's provider list names an encrypted password method (CRAM-MD5). If the mail program reports that the server offers no login it can use, choose the normal password inside SSL/TLS, or ask {provider}.",
    'export.hint.no-secure-outgoing':
      'No encrypted outgoing server is known for {provider}. Ask {provider} for the SMTP server before you set up sending; never send a password without encryption.',
    'hint.lockout-after-failures':
      '{provider} locks the mailbox for {minutes} minutes after {failures} wrong passwords, and nobody can lift the lock sooner. Type the password carefully (capital letters count) before you test.',
    'hint.groupware-activesync':
      '{provider} also offers calendar, contacts and tasks through ActiveSync (Exchange). Mail programs that speak it, such as Outlook or Apple Mail, can set that up as an extra account.',
    'hint.cram-md5-listed':
      "{provider}'s entry in Thunderbird's provider list names an encrypted password method (CRAM-MD5). We sign in inside TLS with the normal method; if the test says the server offers no login we use, ask {provider} for settings that accept it.",
    'hint.no-secure-outgoing':
      'The built-in list knows no encrypted outgoing server for {provider}. Ask {provider} for the SMTP server and enter it by hand; we never send a password without encryption.',
  },
  de: {
    'hint.app-password-required':
      '{provider} verlangt für E-Mail-Programme ein App-Passwort. Melden Sie sich im Browser bei {provider} an, schalten Sie die Bestätigung in zwei Schritten ein, falls {provider} danach fragt, erstellen Sie ein App-Passwort für dieses Gerät und geben Sie es hier statt Ihres üblichen Passworts ein.',
    'hint.app-password-if-2fa':
      'Wenn für Ihr Konto bei {provider} die Bestätigung in zwei Schritten eingeschaltet ist, brauchen E-Mail-Programme ein App-Passwort: Erstellen Sie eines in den Einstellungen von {provider} und geben Sie es hier statt Ihres üblichen Passworts ein.',
    'hint.enable-imap-first':
      '{provider} lässt E-Mail-Programme erst zu, wenn Sie es einmal erlaubt haben: Melden Sie sich im Browser bei {provider} an, schalten Sie in den E-Mail-Einstellungen den Zugriff per POP3/IMAP ein und versuchen Sie es dann hier erneut.',
    'hint.oauth2-only':
      '{provider} nimmt von E-Mail-Programmen keine Passwörter mehr an: Die Anmeldung läuft über die Anmeldeseite von {provider} (OAuth2). Verwenden Sie ein E-Mail-Programm, das das kann, etwa ein aktuelles Outlook, Thunderbird oder Apple Mail.',
    'hint.email-password-required':
      '{provider} verwendet für E-Mail-Programme ein eigenes E-Mail-Passwort; Ihr Passwort für die Anmeldung auf der Website funktioniert hier nicht. Richten Sie im Kundencenter von {provider} ein E-Mail-Passwort ein und geben Sie dieses ein.',
    'export.hint.heading': 'Bevor Sie beginnen',
    'export.hint.after-export': 'Bevor Sie diese Datei verwenden:',
    'export.hint.page': 'Seite',
    'export.hint.app-password-required':
      '{provider} verlangt für E-Mail-Programme ein App-Passwort. Melden Sie sich im Browser bei {provider} an, schalten Sie die Bestätigung in zwei Schritten ein, falls {provider} danach fragt, und erstellen Sie ein App-Passwort für dieses Gerät. Geben Sie dem E-Mail-Programm dieses App-Passwort, nicht Ihr übliches Passwort.',
    'export.hint.app-password-if-2fa':
      'Wenn für Ihr Konto bei {provider} die Bestätigung in zwei Schritten eingeschaltet ist, brauchen E-Mail-Programme ein App-Passwort: Erstellen Sie eines in den Einstellungen von {provider} und geben Sie dem E-Mail-Programm dieses App-Passwort, nicht Ihr übliches Passwort.',
    'export.hint.enable-imap-first':
      '{provider} lässt E-Mail-Programme erst zu, wenn Sie es einmal erlaubt haben: Melden Sie sich im Browser bei {provider} an und schalten Sie in den E-Mail-Einstellungen den Zugriff per POP3/IMAP ein, bevor Sie das E-Mail-Programm einrichten.',
    'export.hint.oauth2-only':
      '{provider} nimmt von E-Mail-Programmen keine Passwörter mehr an: Das E-Mail-Programm muss sich über die Anmeldeseite von {provider} anmelden (OAuth2). Verwenden Sie eine aktuelle Version von Outlook, Thunderbird oder Apple Mail, die das kann.',
    'export.hint.email-password-required':
      '{provider} verwendet für E-Mail-Programme ein eigenes E-Mail-Passwort; Ihr Passwort für die Anmeldung auf der Website funktioniert dort nicht. Richten Sie im Kundencenter von {provider} ein E-Mail-Passwort ein und geben Sie dem E-Mail-Programm dieses.',
    'export.hint.provider-instruction': '{provider} schreibt: {text}',
    'export.hint.lockout-after-failures':
      '{provider} sperrt das Postfach nach {failures} falschen Passwörtern für {minutes} Minuten, und niemand kann die Sperre früher aufheben. Geben Sie das Passwort im E-Mail-Programm sorgfältig ein (Groß- und Kleinschreibung zählt).',
    'export.hint.groupware-activesync':
      '{provider} bietet Kalender, Kontakte und Aufgaben auch über ActiveSync (Exchange) an. E-Mail-Programme, die das können, etwa Outlook oder Apple Mail, richten das als zusätzliches Konto ein.',
    'export.hint.cram-md5-listed':
      'Der Eintrag von {provider} in Thunderbirds Anbieterliste nennt ein verschlüsseltes Passwortverfahren (CRAM-MD5). Meldet das E-Mail-Programm, dass der Server keine passende Anmeldung anbietet, wählen Sie das normale Passwort innerhalb von SSL/TLS oder fragen Sie {provider}.',
    'export.hint.no-secure-outgoing':
      'Für {provider} ist kein verschlüsselter Postausgangsserver bekannt. Fragen Sie {provider} nach dem SMTP-Server, bevor Sie das Senden einrichten; senden Sie ein Passwort nie unverschlüsselt.',
    'hint.lockout-after-failures':
      '{provider} sperrt das Postfach nach {failures} falschen Passwörtern für {minutes} Minuten, und niemand kann die Sperre früher aufheben. Geben Sie das Passwort sorgfältig ein (Groß- und Kleinschreibung zählt), bevor Sie testen.',
    'hint.groupware-activesync':
      '{provider} bietet Kalender, Adressbuch und Aufgaben auch über ActiveSync (Exchange) an. E-Mail-Programme, die das können, etwa Outlook oder Apple Mail, richten es als zusätzliches Konto ein.',
    'hint.cram-md5-listed':
      'Der Eintrag von {provider} in der Anbieterliste von Thunderbird nennt ein verschlüsseltes Passwortverfahren (CRAM-MD5). Wir melden uns innerhalb von TLS mit dem normalen Verfahren an; meldet der Test, dass der Server keine von uns genutzte Anmeldung anbietet, fragen Sie {provider} nach passenden Einstellungen.',
    'hint.no-secure-outgoing':
      'Die eingebaute Liste kennt für {provider} keinen verschlüsselten Postausgangsserver. Fragen Sie {provider} nach dem SMTP-Server und tragen Sie ihn von Hand ein; ein Passwort senden wir nie unverschlüsselt.',
  },
};
