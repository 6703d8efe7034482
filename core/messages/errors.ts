// What each error code means for the person, and what to do next. `error.<code>` says what happened,
// `error.<code>.fix` what to do.

import type { Catalogue } from './catalogue.js';

export const errorMessages: Catalogue = {
  en: {
    'error.invalid-address': 'This is not a valid e-mail address.',
    'error.invalid-address.fix': 'Check the address for typing mistakes; it looks like name@example.com.',
    'error.dns-not-found': 'The server name could not be found.',
    'error.dns-not-found.fix': 'Check the server name and your internet connection.',
    'error.connection-refused': 'The server did not accept the connection.',
    'error.connection-refused.fix':
      'Check the server name and port; a firewall may be blocking the connection.',
    'error.timeout': 'The server did not answer in time.',
    'error.timeout.fix': 'Check your internet connection and try again later.',
    'error.tls-version-too-old':
      'The server only offers outdated encryption (TLS 1.0 or 1.1). Providers are switching such servers off.',
    'error.tls-version-too-old.fix': 'Ask your provider for the current server settings.',
    'error.tls-handshake-failed': 'An encrypted connection to the server could not be set up.',
    'error.tls-handshake-failed.fix': 'Check the port and the encryption method (SSL/TLS or STARTTLS).',
    'error.certificate-expired': "The server's certificate has expired.",
    'error.certificate-expired.fix':
      'Do not continue. Tell your provider; the connection could be intercepted until they renew it.',
    'error.certificate-untrusted': "The server's certificate is not from a trusted authority.",
    'error.certificate-untrusted.fix':
      'Do not continue. Someone may be intercepting the connection; check the server name with your provider.',
    'error.certificate-hostname-mismatch': "The server's certificate belongs to a different server name.",
    'error.certificate-hostname-mismatch.fix':
      'Use the server name written in the certificate, or ask your provider for the right one.',
    'error.starttls-not-offered': 'The server does not offer encryption (STARTTLS) on this port.',
    'error.starttls-not-offered.fix':
      'Your password was not sent. Use the SSL/TLS port (993, 995 or 465); if this keeps happening, your network may be tampering with the connection.',
    'error.starttls-failed': 'The server refused to switch on encryption (STARTTLS).',
    'error.starttls-failed.fix':
      'Your password was not sent. Use the SSL/TLS port (993, 995 or 465) instead.',
    'error.plaintext-auth-refused': 'The server refuses passwords on this connection.',
    'error.plaintext-auth-refused.fix': 'Use an encrypted port (SSL/TLS or STARTTLS).',
    'error.auth-failed': 'The server rejected the user name or password.',
    'error.auth-failed.fix':
      'Check the password (mind upper and lower case). The user name is usually your full e-mail address.',
    'error.auth-locked': 'The server has blocked logins for now, usually after several failed attempts.',
    'error.auth-locked.fix':
      'Wait at least an hour before trying again, or unlock the account at your provider.',
    'error.app-password-required': 'This provider needs an app password, not your normal password.',
    'error.app-password-required.fix':
      "Create an app password in your provider's web settings and use it here.",
    'error.protocol-error': 'The server answered in a way that does not fit the mail protocol.',
    'error.protocol-error.fix': 'Check the server name and port; this may not be a mail server.',
    'error.keychain-unavailable': "The system's password store is not available.",
    'error.keychain-unavailable.fix':
      'The password is used for this session only and not saved. Unlock or set up the password store to save it.',
    'error.secret-too-long': "This password is too long for the computer's password store.",
    'error.secret-too-long.fix':
      'App passwords are 16 to 32 characters long: check that you copied only the password. It still works for this session without saving it.',
    'error.credentials-unprotected':
      'MailSetup Assistant stopped before sending your password, because the connection was not securely encrypted.',
    'error.credentials-unprotected.fix':
      'Your password was not sent. Use the SSL/TLS port (993, 995 or 465), and please report this with the helpdesk report.',
    'error.untrusted-settings':
      'The settings found were not confirmed by your mail domain, so your password was not sent.',
    'error.untrusted-settings.fix':
      'Check the server names with your provider. If they are right, confirm them (in the app, or with --accept-untrusted on the command line).',
    'error.not-found': 'No settings were found for this address.',
    'error.not-found.fix':
      "Enter the server settings by hand (your provider's help pages list them), or ask your provider.",
    'error.usage': 'The command was not called as intended.',
    'error.usage.fix': 'Run "mailsetup help" for the commands and their options.',
    'error.bridge-missing': 'MailSetup Assistant cannot reach its engine.',
    'error.bridge-missing.fix': 'Please close and restart the app.',
    'error.keychain-entry-not-found': 'No password is saved under this name.',
    'error.keychain-entry-not-found.fix':
      "It may have been deleted meanwhile, in this app or in the system's password store. Look at the list of saved passwords again.",
    'error.keychain-label-taken': 'Another saved password already has this name.',
    'error.keychain-label-taken.fix':
      'Choose another name, or replace the other saved password: its program will then need its password again.',
    'error.invalid-label': 'This name cannot be used for a saved password.',
    'error.invalid-label.fix':
      'Name the device and program in 1 to 100 characters, without line breaks, e.g. "Outlook on the office PC".',
    'error.internal': 'Something went wrong inside MailSetup Assistant (a bug).',
    'error.internal.fix': 'Please report this with the helpdesk report.',
  },
  de: {
    'error.invalid-address': 'Das ist keine gültige E-Mail-Adresse.',
    'error.invalid-address.fix': 'Prüfen Sie die Adresse auf Tippfehler; sie sieht aus wie name@example.de.',
    'error.dns-not-found': 'Der Servername wurde nicht gefunden.',
    'error.dns-not-found.fix': 'Prüfen Sie den Servernamen und Ihre Internetverbindung.',
    'error.connection-refused': 'Der Server hat die Verbindung nicht angenommen.',
    'error.connection-refused.fix':
      'Prüfen Sie Servername und Port; eventuell blockiert eine Firewall die Verbindung.',
    'error.timeout': 'Der Server hat nicht rechtzeitig geantwortet.',
    'error.timeout.fix': 'Prüfen Sie Ihre Internetverbindung und versuchen Sie es später noch einmal.',
    'error.tls-version-too-old':
      'Der Server bietet nur veraltete Verschlüsselung an (TLS 1.0 oder 1.1). Anbieter schalten solche Server ab.',
    'error.tls-version-too-old.fix': 'Fragen Sie Ihren Anbieter nach den aktuellen Servereinstellungen.',
    'error.tls-handshake-failed': 'Eine verschlüsselte Verbindung zum Server kam nicht zustande.',
    'error.tls-handshake-failed.fix': 'Prüfen Sie Port und Verschlüsselungsart (SSL/TLS oder STARTTLS).',
    'error.certificate-expired': 'Das Zertifikat des Servers ist abgelaufen.',
    'error.certificate-expired.fix':
      'Nicht fortfahren. Informieren Sie Ihren Anbieter; bis zur Erneuerung könnte die Verbindung abgehört werden.',
    'error.certificate-untrusted':
      'Das Zertifikat des Servers stammt nicht von einer vertrauenswürdigen Stelle.',
    'error.certificate-untrusted.fix':
      'Nicht fortfahren. Möglicherweise wird die Verbindung abgefangen; prüfen Sie den Servernamen mit Ihrem Anbieter.',
    'error.certificate-hostname-mismatch': 'Das Zertifikat des Servers gehört zu einem anderen Servernamen.',
    'error.certificate-hostname-mismatch.fix':
      'Verwenden Sie den Servernamen aus dem Zertifikat oder fragen Sie Ihren Anbieter nach dem richtigen.',
    'error.starttls-not-offered': 'Der Server bietet auf diesem Port keine Verschlüsselung (STARTTLS) an.',
    'error.starttls-not-offered.fix':
      'Ihr Passwort wurde nicht gesendet. Verwenden Sie den SSL/TLS-Port (993, 995 oder 465); passiert das wiederholt, greift möglicherweise jemand in Ihr Netz ein.',
    'error.starttls-failed': 'Der Server hat das Einschalten der Verschlüsselung (STARTTLS) abgelehnt.',
    'error.starttls-failed.fix':
      'Ihr Passwort wurde nicht gesendet. Verwenden Sie stattdessen den SSL/TLS-Port (993, 995 oder 465).',
    'error.plaintext-auth-refused': 'Der Server nimmt auf dieser Verbindung keine Passwörter an.',
    'error.plaintext-auth-refused.fix': 'Verwenden Sie einen verschlüsselten Port (SSL/TLS oder STARTTLS).',
    'error.auth-failed': 'Der Server hat Benutzername oder Passwort abgelehnt.',
    'error.auth-failed.fix':
      'Prüfen Sie das Passwort (Groß- und Kleinschreibung beachten). Der Benutzername ist meist Ihre vollständige E-Mail-Adresse.',
    'error.auth-locked': 'Der Server sperrt Anmeldungen vorübergehend, meist nach mehreren Fehlversuchen.',
    'error.auth-locked.fix':
      'Warten Sie mindestens eine Stunde, bevor Sie es erneut versuchen, oder entsperren Sie das Konto beim Anbieter.',
    'error.app-password-required': 'Dieser Anbieter verlangt ein App-Passwort, nicht Ihr normales Passwort.',
    'error.app-password-required.fix':
      'Erstellen Sie in den Web-Einstellungen Ihres Anbieters ein App-Passwort und verwenden Sie es hier.',
    'error.protocol-error': 'Der Server hat anders geantwortet, als es das Mail-Protokoll vorsieht.',
    'error.protocol-error.fix': 'Prüfen Sie Servername und Port; das ist eventuell kein Mailserver.',
    'error.keychain-unavailable': 'Der Passwortspeicher des Systems ist nicht verfügbar.',
    'error.keychain-unavailable.fix':
      'Das Passwort wird nur für diese Sitzung verwendet und nicht gespeichert. Entsperren oder richten Sie den Passwortspeicher ein, um es zu speichern.',
    'error.secret-too-long': 'Dieses Passwort ist zu lang für den Passwortspeicher des Computers.',
    'error.secret-too-long.fix':
      'App-Passwörter sind 16 bis 32 Zeichen lang: Prüfen Sie, ob Sie nur das Passwort kopiert haben. Ohne Speichern funktioniert es trotzdem für diese Sitzung.',
    'error.credentials-unprotected':
      'MailSetup Assistant hat vor dem Senden Ihres Passworts angehalten, weil die Verbindung nicht sicher verschlüsselt war.',
    'error.credentials-unprotected.fix':
      'Ihr Passwort wurde nicht gesendet. Verwenden Sie den SSL/TLS-Port (993, 995 oder 465) und melden Sie dies bitte mit dem Bericht für den Helpdesk.',
    'error.untrusted-settings':
      'Die gefundenen Einstellungen hat Ihre Mail-Domain nicht bestätigt, daher wurde Ihr Passwort nicht gesendet.',
    'error.untrusted-settings.fix':
      'Prüfen Sie die Servernamen mit Ihrem Anbieter. Stimmen sie, bestätigen Sie sie (in der App oder mit --accept-untrusted auf der Kommandozeile).',
    'error.not-found': 'Für diese Adresse wurden keine Einstellungen gefunden.',
    'error.not-found.fix':
      'Geben Sie die Servereinstellungen von Hand ein (die Hilfeseiten Ihres Anbieters nennen sie) oder fragen Sie Ihren Anbieter.',
    'error.usage': 'Der Befehl wurde nicht wie vorgesehen aufgerufen.',
    'error.usage.fix': 'Rufen Sie „mailsetup help“ auf, um die Befehle und ihre Optionen zu sehen.',
    'error.bridge-missing': 'MailSetup Assistant erreicht seinen eigenen Kern nicht.',
    'error.bridge-missing.fix': 'Bitte schließen Sie die App und starten Sie sie neu.',
    'error.keychain-entry-not-found': 'Unter diesem Namen ist kein Passwort gespeichert.',
    'error.keychain-entry-not-found.fix':
      'Es wurde eventuell inzwischen gelöscht, in dieser App oder im Passwortspeicher des Systems. Sehen Sie sich die Liste der gespeicherten Passwörter erneut an.',
    'error.keychain-label-taken': 'Ein anderes gespeichertes Passwort hat bereits diesen Namen.',
    'error.keychain-label-taken.fix':
      'Wählen Sie einen anderen Namen oder ersetzen Sie das andere gespeicherte Passwort: Dessen Programm braucht dann sein Passwort erneut.',
    'error.invalid-label': 'Dieser Name kann für ein gespeichertes Passwort nicht verwendet werden.',
    'error.invalid-label.fix':
      'Nennen Sie Gerät und Programm in 1 bis 100 Zeichen, ohne Zeilenumbrüche, z. B. „Outlook auf dem Büro-PC“.',
    'error.internal': 'In MailSetup Assistant ist ein Fehler aufgetreten (ein Programmfehler).',
    'error.internal.fix': 'Bitte melden Sie ihn mit dem Bericht für den Helpdesk.',
  },
};
