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
  },
};
