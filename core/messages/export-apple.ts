// The Apple Mail guide's steps: Mail on the Mac, Mail on iPhone and iPad, and installing a profile.
// Apple's one encryption switch is "Use TLS/SSL" on the Mac and "Use SSL" on iOS.

import type { Catalogue } from './catalogue.js';

export const exportAppleMessages: Catalogue = {
  en: {
    'export.apple.security': '“Use TLS/SSL” switched on',
    'export.apple.on': 'On',
    'export.apple.auth.password': 'Password',

    'export.apple.mac.heading': 'Mail on the Mac (macOS)',
    'export.apple.mac.open':
      'Open Mail and choose Mail › Add Account… (or Mail › Settings › Accounts, then +).',
    'export.apple.mac.other': 'Choose “Other Mail Account…” and click “Continue”.',
    'export.apple.mac.identity': 'Enter the following and click “Sign In”:',
    'export.apple.mac.manual':
      'If Mail cannot find the settings itself, it asks for them. Enter the following and click “Sign In”:',
    'export.apple.mac.ports':
      'Check ports and encryption: Mail › Settings › Accounts, select the account, then “Server Settings”. Untick “Automatically manage connection settings” for incoming and for outgoing mail, enter the following and click “Save”:',
    'export.apple.mac.pop3-leave':
      'So that your messages stay on the POP3 server for your other devices: in Mail › Settings › Accounts, select the account and untick “Remove copy from server after retrieving a message”.',
    'export.apple.mac.pop3-remove':
      'So that Mail removes your messages from the POP3 server: in Mail › Settings › Accounts, select the account and tick “Remove copy from server after retrieving a message”.',
    'export.apple.label.name': 'Name',
    'export.apple.label.address': 'Email Address',
    'export.apple.label.password': 'Password',
    'export.apple.label.account-type': 'Account Type',
    'export.apple.label.username': 'User Name',
    'export.apple.label.incoming-server': 'Incoming Mail Server',
    'export.apple.label.outgoing-server': 'Outgoing Mail Server',
    'export.apple.label.incoming-port': 'Incoming: Port',
    'export.apple.label.outgoing-port': 'Outgoing: Port',
    'export.apple.label.outgoing-username': 'Outgoing: User Name',
    'export.apple.label.mac-use-ssl': 'Use TLS/SSL',
    'export.apple.label.mac-auth': 'Authentication',

    'export.apple.ios.heading': 'Mail on iPhone and iPad (iOS 18; iOS 14 to 17)',
    'export.apple.ios.open':
      'Open Settings › Apps › Mail › Mail Accounts › Add Account › Other › Add Mail Account. On iOS 14 to 17, start at Settings › Mail › Accounts › Add Account › Other › Add Mail Account.',
    'export.apple.ios.identity': 'Enter the following and tap “Next”:',
    'export.apple.ios.servers':
      'Choose {type} at the top, enter the following (your password goes into both password fields), tap “Next” and then “Save”:',
    'export.apple.ios.incoming-port':
      'Check ports and encryption: open the account again (where you added it), tap “Account” › “Advanced” and set:',
    'export.apple.ios.outgoing-port':
      'Then, under “Account” › “SMTP”, tap the primary server {host} and set:',
    'export.apple.ios.pop3-leave':
      'For POP3, check under “Account” › “Advanced” that “Delete from server” is set to “Never”, so that your other devices still see your messages.',
    'export.apple.ios.pop3-remove':
      'For POP3, choose under “Account” › “Advanced” › “Delete from server” when messages are to be removed from the server.',
    'export.apple.label.description': 'Description',
    'export.apple.label.ios-incoming-host': 'Incoming Mail Server: Host Name',
    'export.apple.label.ios-incoming-username': 'Incoming Mail Server: User Name',
    'export.apple.label.ios-outgoing-host': 'Outgoing Mail Server: Host Name',
    'export.apple.label.ios-outgoing-username': 'Outgoing Mail Server: User Name',
    'export.apple.label.ios-use-ssl': 'Use SSL',
    'export.apple.label.ios-port': 'Server Port',

    'export.apple.note.oauth2':
      '“Other Mail Account” signs in with a password only. If “Add Account” offers your provider by name (Google, for example), choose that entry instead; otherwise create an app password at your provider.',
    'export.apple.note.starttls':
      'Apple Mail has no separate STARTTLS setting: with encryption switched on, Mail uses STARTTLS on ports such as 143 and 587, as your provider requires.',

    'export.apple.profile.heading': 'Or: install a profile from your IT',
    'export.apple.profile.intro':
      'If your IT gave you a configuration profile (a .mobileconfig file) for this account, it sets up Mail for you.',
    'export.apple.profile.mac':
      'Mac: open the file; that only registers it. Then open System Settings › General › Device Management (macOS Sequoia and later) or System Settings › Privacy & Security › Profiles (macOS Ventura), select the profile and click “Install”.',
    'export.apple.profile.ios':
      'iPhone and iPad: open the file, then Settings › General › VPN & Device Management, tap the profile and “Install”.',
    'export.apple.profile.unsigned':
      'A profile without a signature shows as “Unsigned”. Install it only if you know that it comes from your IT.',
  },
  de: {
    'export.apple.security': '„TLS/SSL verwenden“ eingeschaltet',
    'export.apple.on': 'Ein',
    'export.apple.auth.password': 'Passwort',

    'export.apple.mac.heading': 'Mail auf dem Mac (macOS)',
    'export.apple.mac.open':
      'Öffnen Sie Mail und wählen Sie Mail › Account hinzufügen … (oder Mail › Einstellungen › Accounts, dann +).',
    'export.apple.mac.other': 'Wählen Sie „Anderer Mail-Account …“ und klicken Sie auf „Fortfahren“.',
    'export.apple.mac.identity': 'Geben Sie Folgendes ein und klicken Sie auf „Anmelden“:',
    'export.apple.mac.manual':
      'Findet Mail die Einstellungen nicht selbst, fragt es danach. Geben Sie Folgendes ein und klicken Sie auf „Anmelden“:',
    'export.apple.mac.ports':
      'Prüfen Sie Ports und Verschlüsselung: Mail › Einstellungen › Accounts, Account auswählen, dann „Servereinstellungen“. Deaktivieren Sie „Verbindungseinstellungen automatisch verwalten“ für eintreffende und für ausgehende E-Mails, tragen Sie Folgendes ein und klicken Sie auf „Sichern“:',
    'export.apple.mac.pop3-leave':
      'Damit Ihre Nachrichten für Ihre anderen Geräte auf dem POP3-Server bleiben: Wählen Sie unter Mail › Einstellungen › Accounts den Account und schalten Sie das Entfernen der Kopie vom Server nach dem Laden einer E-Mail aus.',
    'export.apple.mac.pop3-remove':
      'Damit Mail Ihre Nachrichten vom POP3-Server entfernt: Wählen Sie unter Mail › Einstellungen › Accounts den Account und schalten Sie das Entfernen der Kopie vom Server nach dem Laden einer E-Mail ein.',
    'export.apple.label.name': 'Name',
    'export.apple.label.address': 'E-Mail-Adresse',
    'export.apple.label.password': 'Passwort',
    'export.apple.label.account-type': 'Accounttyp',
    'export.apple.label.username': 'Benutzername',
    'export.apple.label.incoming-server': 'Server für eintreffende E-Mails',
    'export.apple.label.outgoing-server': 'Server für ausgehende E-Mails',
    'export.apple.label.incoming-port': 'Eintreffend: Port',
    'export.apple.label.outgoing-port': 'Ausgehend: Port',
    'export.apple.label.outgoing-username': 'Ausgehend: Benutzername',
    'export.apple.label.mac-use-ssl': 'TLS/SSL verwenden',
    'export.apple.label.mac-auth': 'Authentifizierung',

    'export.apple.ios.heading': 'Mail auf iPhone und iPad (iOS 18; iOS 14 bis 17)',
    'export.apple.ios.open':
      'Öffnen Sie Einstellungen › Apps › Mail › Mail-Accounts › Account hinzufügen › Andere › Mail-Account hinzufügen. Unter iOS 14 bis 17 beginnen Sie bei Einstellungen › Mail › Accounts › Account hinzufügen › Andere › Mail-Account hinzufügen.',
    'export.apple.ios.identity': 'Geben Sie Folgendes ein und tippen Sie auf „Weiter“:',
    'export.apple.ios.servers':
      'Wählen Sie oben {type}, geben Sie Folgendes ein (Ihr Passwort gehört in beide Passwortfelder) und tippen Sie auf „Weiter“ und dann auf „Sichern“:',
    'export.apple.ios.incoming-port':
      'Prüfen Sie Ports und Verschlüsselung: Öffnen Sie den Account erneut (dort, wo Sie ihn hinzugefügt haben), tippen Sie auf „Account“ › „Erweitert“ und stellen Sie ein:',
    'export.apple.ios.outgoing-port':
      'Tippen Sie dann unter „Account“ › „SMTP“ auf den primären Server {host} und stellen Sie ein:',
    'export.apple.ios.pop3-leave':
      'Prüfen Sie bei POP3 unter „Account“ › „Erweitert“, dass „Vom Server löschen“ auf „Nie“ steht, damit Ihre anderen Geräte Ihre Nachrichten weiterhin sehen.',
    'export.apple.ios.pop3-remove':
      'Wählen Sie bei POP3 unter „Account“ › „Erweitert“ › „Vom Server löschen“, wann Nachrichten vom Server entfernt werden sollen.',
    'export.apple.label.description': 'Beschreibung',
    'export.apple.label.ios-incoming-host': 'Server für eintreffende E-Mails: Hostname',
    'export.apple.label.ios-incoming-username': 'Server für eintreffende E-Mails: Benutzername',
    'export.apple.label.ios-outgoing-host': 'Server für ausgehende E-Mails: Hostname',
    'export.apple.label.ios-outgoing-username': 'Server für ausgehende E-Mails: Benutzername',
    'export.apple.label.ios-use-ssl': 'SSL verwenden',
    'export.apple.label.ios-port': 'Serverport',

    'export.apple.note.oauth2':
      '„Anderer Mail-Account“ meldet sich nur mit einem Passwort an. Bietet „Account hinzufügen“ Ihren Anbieter mit Namen an (etwa Google), wählen Sie diesen Eintrag; sonst erstellen Sie bei Ihrem Anbieter ein App-Passwort.',
    'export.apple.note.starttls':
      'Apple Mail hat keine eigene STARTTLS-Einstellung: Mit eingeschalteter Verschlüsselung verwendet Mail auf Ports wie 143 und 587 STARTTLS, wie Ihr Anbieter es verlangt.',

    'export.apple.profile.heading': 'Oder: ein Profil Ihrer IT installieren',
    'export.apple.profile.intro':
      'Hat Ihre IT Ihnen ein Konfigurationsprofil (eine .mobileconfig-Datei) für dieses Konto gegeben, richtet es Mail für Sie ein.',
    'export.apple.profile.mac':
      'Mac: Öffnen Sie die Datei; damit ist sie nur vorgemerkt. Öffnen Sie dann Systemeinstellungen › Allgemein › Geräteverwaltung (ab macOS Sequoia) bzw. Systemeinstellungen › Datenschutz & Sicherheit › Profile (macOS Ventura), wählen Sie das Profil und klicken Sie auf „Installieren“.',
    'export.apple.profile.ios':
      'iPhone und iPad: Öffnen Sie die Datei, dann Einstellungen › Allgemein › VPN und Geräteverwaltung, tippen Sie auf das Profil und auf „Installieren“.',
    'export.apple.profile.unsigned':
      'Ein Profil ohne Signatur wird als „Nicht signiert“ angezeigt. Installieren Sie es nur, wenn Sie wissen, dass es von Ihrer IT stammt.',
  },
};
