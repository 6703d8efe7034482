// Sign-in through the provider (OAuth2): the error codes `oauth-*` (`error.<code>`, `.fix`), the
// reasons a mail server's refusal of a token gets (`probe.<reason>`, `.fix`, see core/probe/sasl-bearer.ts)
// and the page the browser shows when the sign-in is done.

import type { Catalogue } from './catalogue.js';

export const oauthMessages: Catalogue = {
  en: {
    'error.oauth-not-configured':
      "Signing in through your provider's page is not set up in this copy of MailSetup Assistant.",
    'error.oauth-not-configured.fix':
      "Your IT department can set it up in the policy file (oauthClients) with the app registration of your organisation. Until then, use a mail program that signs in through your provider's page itself.",
    'error.oauth-issuer-unreachable': "Your provider's sign-in service could not be reached.",
    'error.oauth-issuer-unreachable.fix':
      'Check your internet connection and try again. If it keeps failing, a firewall or proxy may be blocking the sign-in page.',
    'error.oauth-consent-denied': 'The sign-in was cancelled, or the access was not allowed.',
    'error.oauth-consent-denied.fix':
      'Sign in again and allow MailSetup Assistant access to your mail. It only checks that signing in works; it reads no mail.',
    'error.oauth-wrong-account': 'You signed in with a different account than the address being set up.',
    'error.oauth-wrong-account.fix':
      "Sign in again and choose the account of this address. If the provider's page signs you in automatically, sign out there first.",
    'error.oauth-scope-missing': 'The sign-in did not allow access to e-mail.',
    'error.oauth-scope-missing.fix':
      'Sign in again and leave every requested permission ticked. If your organisation restricts this, ask your IT department to allow mail access for the app.',
    'error.oauth-redirect-port-taken':
      'The sign-in could not start: the port on this computer that receives the answer is used by another program.',
    'error.oauth-redirect-port-taken.fix':
      'Close other programs that might be signing in right now and try again. If it persists, ask your IT department to check the port in the policy file.',
    'error.oauth-sign-in-again': 'Your saved sign-in is no longer valid (it expired or was revoked).',
    'error.oauth-sign-in-again.fix':
      "Sign in again on your provider's page; MailSetup Assistant then saves the new sign-in.",
    'error.oauth-failed': 'Signing in through your provider did not work.',
    'error.oauth-failed.fix':
      'Try again. If it keeps failing, give the technical details to your IT department or helpdesk.',
    'error.oauth-not-in-profile':
      "Apple's mail profile (.mobileconfig) cannot set up this account: its servers take only sign-in on your provider's page (OAuth2), which a profile cannot carry.",
    'error.oauth-not-in-profile.fix':
      "Use the Apple Mail guide instead: on a Mac, add the account in System Settings › Internet Accounts; on an iPhone or iPad in Settings › Apps › Mail › Mail Accounts. You then sign in on your provider's page.",
    'probe.no-oauth-login':
      "This server does not offer sign-in through the provider's page (OAuth2) on this connection.",
    'probe.no-oauth-login.fix':
      'Check the server name and port, or use a password (or an app password) if your provider allows it.',
    'probe.oauth-scope-refused':
      'The server accepted who you are but says the sign-in does not include access to this service.',
    'probe.oauth-scope-refused.fix':
      'Sign in again and leave every requested permission ticked. If that does not help, ask your IT department.',
    'probe.oauth-token-refused':
      'The server did not accept the sign-in from your provider: it says the sign-in is invalid or has expired.',
    'probe.oauth-token-refused.fix':
      'Test again: MailSetup Assistant then gets a new sign-in from your provider. If it keeps failing, ask your IT department whether mail programs may sign in this way.',
    'probe.imap-disabled':
      'Your provider confirmed your sign-in, but the IMAP server refused it: IMAP is most likely switched off for this mailbox.',
    'probe.imap-disabled.fix':
      'Ask your IT department to switch IMAP on for the mailbox (Microsoft 365: Exchange admin center › Mailboxes › the mailbox › Email apps). Then test again.',
    'probe.pop3-disabled':
      'Your provider confirmed your sign-in, but the POP3 server refused it: POP3 is most likely switched off for this mailbox.',
    'probe.pop3-disabled.fix':
      'Ask your IT department to switch POP for the mailbox on, or use IMAP instead.',
    'probe.smtp-auth-disabled':
      'Your provider confirmed your sign-in, but the sending server refused it: sending from mail programs (SMTP AUTH) is most likely switched off for this mailbox or your organisation.',
    'probe.smtp-auth-disabled.fix':
      'You can set the account up to receive mail only. To send, ask your IT department to switch on authenticated SMTP for the mailbox (Microsoft 365: SMTP AUTH).',
    'oauth.done.title': 'Signed in',
    'oauth.done.body': 'You can close this page and return to MailSetup Assistant.',
  },
  de: {
    'error.oauth-not-configured':
      'Die Anmeldung über die Seite Ihres Anbieters ist in diesem MailSetup Assistant nicht eingerichtet.',
    'error.oauth-not-configured.fix':
      'Ihre IT-Abteilung kann sie in der Richtliniendatei (oauthClients) mit der App-Registrierung Ihrer Organisation einrichten. Bis dahin verwenden Sie ein E-Mail-Programm, das sich selbst über die Seite Ihres Anbieters anmeldet.',
    'error.oauth-issuer-unreachable': 'Der Anmeldedienst Ihres Anbieters war nicht erreichbar.',
    'error.oauth-issuer-unreachable.fix':
      'Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Klappt es weiterhin nicht, blockiert vielleicht eine Firewall oder ein Proxy die Anmeldeseite.',
    'error.oauth-consent-denied': 'Die Anmeldung wurde abgebrochen oder der Zugriff nicht erlaubt.',
    'error.oauth-consent-denied.fix':
      'Melden Sie sich erneut an und erlauben Sie MailSetup Assistant den Zugriff auf Ihre E-Mail. Es prüft nur, ob die Anmeldung klappt, und liest keine E-Mails.',
    'error.oauth-wrong-account':
      'Sie haben sich mit einem anderen Konto angemeldet als dem der Adresse, die eingerichtet wird.',
    'error.oauth-wrong-account.fix':
      'Melden Sie sich erneut an und wählen Sie das Konto dieser Adresse. Meldet die Seite des Anbieters Sie automatisch an, melden Sie sich dort zuerst ab.',
    'error.oauth-scope-missing': 'Die Anmeldung hat den Zugriff auf E-Mail nicht erlaubt.',
    'error.oauth-scope-missing.fix':
      'Melden Sie sich erneut an und lassen Sie alle angefragten Berechtigungen angehakt. Schränkt Ihre Organisation das ein, bitten Sie Ihre IT-Abteilung, den Mail-Zugriff für die App zu erlauben.',
    'error.oauth-redirect-port-taken':
      'Die Anmeldung konnte nicht beginnen: Der Port auf diesem Computer, der die Antwort empfängt, wird von einem anderen Programm benutzt.',
    'error.oauth-redirect-port-taken.fix':
      'Schließen Sie andere Programme, die sich gerade anmelden könnten, und versuchen Sie es erneut. Bleibt es dabei, bitten Sie Ihre IT-Abteilung, den Port in der Richtliniendatei zu prüfen.',
    'error.oauth-sign-in-again':
      'Ihre gespeicherte Anmeldung gilt nicht mehr (sie ist abgelaufen oder wurde widerrufen).',
    'error.oauth-sign-in-again.fix':
      'Melden Sie sich erneut auf der Seite Ihres Anbieters an; MailSetup Assistant speichert dann die neue Anmeldung.',
    'error.oauth-failed': 'Die Anmeldung über Ihren Anbieter hat nicht geklappt.',
    'error.oauth-failed.fix':
      'Versuchen Sie es erneut. Klappt es weiterhin nicht, geben Sie die technischen Details an Ihre IT-Abteilung oder den Helpdesk weiter.',
    'error.oauth-not-in-profile':
      'Das Apple-Mailprofil (.mobileconfig) kann dieses Konto nicht einrichten: Seine Server nehmen nur die Anmeldung auf der Seite Ihres Anbieters (OAuth2) an, und die kann ein Profil nicht enthalten.',
    'error.oauth-not-in-profile.fix':
      'Verwenden Sie stattdessen die Anleitung für Apple Mail: Auf dem Mac fügen Sie das Konto unter Systemeinstellungen › Internetaccounts hinzu, auf iPhone und iPad unter Einstellungen › Apps › Mail › Mail-Accounts. Dort melden Sie sich auf der Seite Ihres Anbieters an.',
    'probe.no-oauth-login':
      'Dieser Server bietet auf dieser Verbindung keine Anmeldung über die Seite des Anbieters (OAuth2) an.',
    'probe.no-oauth-login.fix':
      'Prüfen Sie Servername und Port, oder verwenden Sie ein Passwort (oder App-Passwort), falls Ihr Anbieter das erlaubt.',
    'probe.oauth-scope-refused':
      'Der Server hat erkannt, wer Sie sind, sagt aber, dass die Anmeldung den Zugriff auf diesen Dienst nicht umfasst.',
    'probe.oauth-scope-refused.fix':
      'Melden Sie sich erneut an und lassen Sie alle angefragten Berechtigungen angehakt. Hilft das nicht, fragen Sie Ihre IT-Abteilung.',
    'probe.oauth-token-refused':
      'Der Server hat die Anmeldung Ihres Anbieters nicht angenommen: Er sagt, sie sei ungültig oder abgelaufen.',
    'probe.oauth-token-refused.fix':
      'Testen Sie erneut: MailSetup Assistant holt dann eine neue Anmeldung bei Ihrem Anbieter. Klappt es weiterhin nicht, fragen Sie Ihre IT-Abteilung, ob E-Mail-Programme sich so anmelden dürfen.',
    'probe.imap-disabled':
      'Ihr Anbieter hat Ihre Anmeldung bestätigt, aber der IMAP-Server hat sie abgelehnt: IMAP ist für dieses Postfach sehr wahrscheinlich abgeschaltet.',
    'probe.imap-disabled.fix':
      'Bitten Sie Ihre IT-Abteilung, IMAP für das Postfach einzuschalten (Microsoft 365: Exchange Admin Center › Postfächer › das Postfach › E-Mail-Apps). Testen Sie dann erneut.',
    'probe.pop3-disabled':
      'Ihr Anbieter hat Ihre Anmeldung bestätigt, aber der POP3-Server hat sie abgelehnt: POP3 ist für dieses Postfach sehr wahrscheinlich abgeschaltet.',
    'probe.pop3-disabled.fix':
      'Bitten Sie Ihre IT-Abteilung, POP für das Postfach einzuschalten, oder verwenden Sie stattdessen IMAP.',
    'probe.smtp-auth-disabled':
      'Ihr Anbieter hat Ihre Anmeldung bestätigt, aber der Postausgangsserver hat sie abgelehnt: Das Senden aus E-Mail-Programmen (SMTP AUTH) ist für dieses Postfach oder Ihre Organisation sehr wahrscheinlich abgeschaltet.',
    'probe.smtp-auth-disabled.fix':
      'Sie können das Konto nur zum Empfangen einrichten. Zum Senden bitten Sie Ihre IT-Abteilung, authentifiziertes SMTP für das Postfach einzuschalten (Microsoft 365: SMTP AUTH).',
    'oauth.done.title': 'Angemeldet',
    'oauth.done.body': 'Sie können diese Seite schließen und zu MailSetup Assistant zurückkehren.',
  },
};
