// The Outlook guide's steps: classic Outlook and the new Outlook for Windows. Labels as Outlook shows
// them (EXPORT-FORMATS.md, "Manual steps"); Outlook says "SSL/TLS" and "STARTTLS" in both languages.

import type { Catalogue } from './catalogue.js';

export const exportOutlookMessages: Catalogue = {
  en: {
    'export.outlook.classic.heading': 'Classic Outlook for Windows (Microsoft 365, Outlook 2016 to 2024)',
    'export.outlook.classic.open': 'Open Outlook and choose File › Add Account.',
    'export.outlook.classic.address':
      'Enter {address}. Click “Advanced options”, tick “Let me set up my account manually” and click “Connect”.',
    'export.outlook.classic.type': 'Choose {type}.',
    'export.outlook.classic.servers':
      'Enter the servers. Leave “Require logon using Secure Password Authentication (SPA)” unticked. Click “Next”.',
    'export.outlook.classic.password': 'Enter {secret} and click “Connect”.',
    'export.outlook.classic.done': 'When Outlook reports “Account successfully added”, click “Done”.',
    'export.outlook.classic.username':
      'Outlook uses your e-mail address as the user name, but yours is different. Open File › Account Settings › Server Settings, enter these user names and click “Next”:',
    'export.outlook.classic.pop3-leave':
      'So that your messages stay on the POP3 server for your other devices: File › Account Settings › Account Settings…, select the account, click “Change…” › “More Settings…” › “Advanced”, tick “Leave a copy of messages on the server” and untick “Remove from server after … days”.',
    'export.outlook.classic.pop3-remove':
      'So that Outlook removes your messages from the POP3 server after downloading them: File › Account Settings › Account Settings…, select the account, click “Change…” › “More Settings…” › “Advanced” and untick “Leave a copy of messages on the server”.',
    'export.outlook.classic.later':
      'To change the settings later: File › Account Settings › Server Settings.',
    'export.outlook.label.incoming-server': 'Incoming mail: Server',
    'export.outlook.label.incoming-port': 'Incoming mail: Port',
    'export.outlook.label.incoming-encryption': 'Incoming mail: Encryption method',
    'export.outlook.label.incoming-username': 'Incoming mail: User Name',
    'export.outlook.label.outgoing-server': 'Outgoing mail: Server',
    'export.outlook.label.outgoing-port': 'Outgoing mail: Port',
    'export.outlook.label.outgoing-encryption': 'Outgoing mail: Encryption method',
    'export.outlook.label.outgoing-username': 'Outgoing mail: User Name',

    'export.outlook.new.heading': 'New Outlook for Windows',
    'export.outlook.new.no-pop3':
      'The new Outlook cannot set up this account: its manual set-up offers IMAP with SMTP, not {type}. Use classic Outlook (above), or ask your provider whether IMAP is available.',
    'export.outlook.new.open': 'Open Accounts › “Add account” (in Settings).',
    'export.outlook.new.address': 'Enter {address} and click “Continue”.',
    'export.outlook.new.password':
      'If Outlook asks for the account type, choose IMAP. Enter {secret} and click “Show more”.',
    'export.outlook.new.servers':
      'Fill in the IMAP and SMTP fields as follows (both password fields take your password) and click “Next”:',
    'export.outlook.new.consent':
      'Outlook asks for your consent to sync the account through the Microsoft Cloud; the account is added only if you agree.',
    'export.outlook.new.cloud':
      "The new Outlook copies your IMAP mail through Microsoft's cloud. If that is not allowed for this account (by your employer, for example), use classic Outlook.",
    'export.outlook.new.no-edit':
      'The new Outlook cannot change the server settings afterwards: to change them, remove the account and add it again.',
    'export.outlook.label.imap-username': 'IMAP username',
    'export.outlook.label.imap-server': 'IMAP incoming server',
    'export.outlook.label.smtp-username': 'SMTP username',
    'export.outlook.label.smtp-server': 'SMTP outgoing server',
    'export.outlook.label.port': 'Port',
    'export.outlook.label.secure-connection': 'Secure connection type',
  },
  de: {
    'export.outlook.classic.heading':
      'Klassisches Outlook für Windows (Microsoft 365, Outlook 2016 bis 2024)',
    'export.outlook.classic.open': 'Öffnen Sie Outlook und wählen Sie Datei › Konto hinzufügen.',
    'export.outlook.classic.address':
      'Geben Sie {address} ein. Klicken Sie auf „Erweiterte Optionen“, setzen Sie das Häkchen bei „Ich möchte mein Konto manuell einrichten“ und klicken Sie auf „Verbinden“.',
    'export.outlook.classic.type': 'Wählen Sie {type}.',
    'export.outlook.classic.servers':
      'Tragen Sie die Server ein. Lassen Sie „Anmeldung mithilfe der gesicherten Kennwortauthentifizierung (SPA) erforderlich“ ohne Häkchen. Klicken Sie auf „Weiter“.',
    'export.outlook.classic.password': 'Geben Sie {secret} ein und klicken Sie auf „Verbinden“.',
    'export.outlook.classic.done':
      'Wenn Outlook „Konto erfolgreich hinzugefügt“ meldet, klicken Sie auf „Fertig“.',
    'export.outlook.classic.username':
      'Outlook verwendet Ihre E-Mail-Adresse als Benutzernamen, Ihrer lautet aber anders. Öffnen Sie Datei › Kontoeinstellungen › Servereinstellungen, tragen Sie diese Benutzernamen ein und klicken Sie auf „Weiter“:',
    'export.outlook.classic.pop3-leave':
      'Damit Ihre Nachrichten für Ihre anderen Geräte auf dem POP3-Server bleiben: Datei › Kontoeinstellungen › Kontoeinstellungen…, Konto auswählen, „Ändern…“ › „Weitere Einstellungen…“ › „Erweitert“, dort „Kopie aller Nachrichten auf dem Server belassen“ ankreuzen und „Vom Server nach … Tagen entfernen“ abwählen.',
    'export.outlook.classic.pop3-remove':
      'Damit Outlook Ihre Nachrichten nach dem Herunterladen vom POP3-Server entfernt: Datei › Kontoeinstellungen › Kontoeinstellungen…, Konto auswählen, „Ändern…“ › „Weitere Einstellungen…“ › „Erweitert“ und „Kopie aller Nachrichten auf dem Server belassen“ abwählen.',
    'export.outlook.classic.later':
      'Einstellungen später ändern: Datei › Kontoeinstellungen › Servereinstellungen.',
    'export.outlook.label.incoming-server': 'Eingehende E-Mail: Server',
    'export.outlook.label.incoming-port': 'Eingehende E-Mail: Port',
    'export.outlook.label.incoming-encryption': 'Eingehende E-Mail: Verschlüsselungsmethode',
    'export.outlook.label.incoming-username': 'Eingehende E-Mail: Benutzername',
    'export.outlook.label.outgoing-server': 'Ausgehende E-Mail: Server',
    'export.outlook.label.outgoing-port': 'Ausgehende E-Mail: Port',
    'export.outlook.label.outgoing-encryption': 'Ausgehende E-Mail: Verschlüsselungsmethode',
    'export.outlook.label.outgoing-username': 'Ausgehende E-Mail: Benutzername',

    'export.outlook.new.heading': 'Neues Outlook für Windows',
    'export.outlook.new.no-pop3':
      'Das neue Outlook kann dieses Konto nicht einrichten: Seine manuelle Einrichtung bietet IMAP mit SMTP, nicht {type}. Verwenden Sie das klassische Outlook (oben) oder fragen Sie Ihren Anbieter, ob IMAP verfügbar ist.',
    'export.outlook.new.open': 'Öffnen Sie Konten › „Konto hinzufügen“ (in den Einstellungen).',
    'export.outlook.new.address': 'Geben Sie {address} ein und klicken Sie auf „Weiter“.',
    'export.outlook.new.password':
      'Fragt Outlook nach dem Kontotyp, wählen Sie IMAP. Geben Sie {secret} ein und klicken Sie auf „Mehr anzeigen“.',
    'export.outlook.new.servers':
      'Füllen Sie die IMAP- und SMTP-Felder so aus (in beide Passwortfelder gehört Ihr Passwort) und klicken Sie auf „Weiter“:',
    'export.outlook.new.consent':
      'Outlook bittet um Ihre Zustimmung, das Konto über die Microsoft Cloud zu synchronisieren; nur wenn Sie zustimmen, wird das Konto hinzugefügt.',
    'export.outlook.new.cloud':
      'Das neue Outlook überträgt Ihre IMAP-E-Mails über die Cloud von Microsoft. Ist das für dieses Konto nicht erlaubt (etwa von Ihrem Arbeitgeber), verwenden Sie das klassische Outlook.',
    'export.outlook.new.no-edit':
      'Das neue Outlook kann die Servereinstellungen nachträglich nicht ändern: Entfernen Sie dazu das Konto und fügen Sie es neu hinzu.',
    'export.outlook.label.imap-username': 'IMAP-Benutzername',
    'export.outlook.label.imap-server': 'IMAP-Posteingangsserver',
    'export.outlook.label.smtp-username': 'SMTP-Benutzername',
    'export.outlook.label.smtp-server': 'SMTP-Postausgangsserver',
    'export.outlook.label.port': 'Port',
    'export.outlook.label.secure-connection': 'Typ der sicheren Verbindung',
  },
};
