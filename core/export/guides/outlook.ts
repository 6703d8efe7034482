// Outlook's steps, for classic Outlook and the new Outlook for Windows (EXPORT-FORMATS.md, "Manual
// steps"). Outlook's own words for security: "SSL/TLS" and "STARTTLS".

import { bothForms } from '../../address/idn.js';
import type { ServerSettings } from '../../model.js';
import type { Account } from '../account.js';
import { type ClientWords, guide, PROTOCOL_NAMES, secret, settingsSection, signInNotes } from './common.js';
import { field, type Guide, note, present, type Section, type Step, text } from './model.js';

const WORDS: ClientWords = {
  security: (server: ServerSettings) => (server.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'),
};

export function outlookGuide(account: Account): Guide {
  return guide('outlook', account, [
    settingsSection(account, WORDS),
    classicOutlook(account),
    newOutlook(account),
  ]);
}

function classicOutlook(account: Account): Section {
  const { incoming, outgoing, address } = account;
  const ownUsername = incoming.username !== address.address || outgoing.username !== address.address;
  const steps: Step[] = present<Step>([
    { text: text('export.outlook.classic.open') },
    { text: text('export.outlook.classic.address', { address: address.address }) },
    { text: text('export.outlook.classic.type', { type: incoming.protocol === 'imap' ? 'IMAP' : 'POP' }) },
    {
      text: text('export.outlook.classic.servers'),
      fields: [
        field('export.outlook.label.incoming-server', bothForms(incoming.host)),
        field('export.outlook.label.incoming-port', incoming.port),
        field('export.outlook.label.incoming-encryption', WORDS.security(incoming)),
        field('export.outlook.label.outgoing-server', bothForms(outgoing.host)),
        field('export.outlook.label.outgoing-port', outgoing.port),
        field('export.outlook.label.outgoing-encryption', WORDS.security(outgoing)),
      ],
    },
    { text: text('export.outlook.classic.password', { secret: secret(account) }) },
    { text: text('export.outlook.classic.done') },
    // The quick set-up has no user-name field: Outlook takes the address until told otherwise.
    ownUsername && {
      text: text('export.outlook.classic.username'),
      fields: [
        field('export.outlook.label.incoming-username', incoming.username),
        field('export.outlook.label.outgoing-username', outgoing.username),
      ],
    },
    incoming.protocol === 'pop3' && {
      text: text(
        account.leaveMessagesOnServer
          ? 'export.outlook.classic.pop3-leave'
          : 'export.outlook.classic.pop3-remove',
      ),
    },
  ]);
  return {
    heading: text('export.outlook.classic.heading'),
    steps,
    notes: [...signInNotes(account, 'Outlook'), note('info', 'export.outlook.classic.later')],
  };
}

function newOutlook(account: Account): Section {
  const heading = text('export.outlook.new.heading');
  const { incoming, outgoing } = account;
  // Its documented manual set-up is IMAP with SMTP; a POP3 account gets a plain statement instead.
  if (incoming.protocol !== 'imap') {
    return { heading, notes: [note('warning', 'export.outlook.new.no-pop3', { type: PROTOCOL_NAMES.pop3 })] };
  }
  return {
    heading,
    steps: [
      { text: text('export.outlook.new.open') },
      { text: text('export.outlook.new.address', { address: account.address.address }) },
      { text: text('export.outlook.new.password', { secret: secret(account) }) },
      {
        text: text('export.outlook.new.servers'),
        fields: [
          field('export.outlook.label.imap-username', incoming.username),
          field('export.outlook.label.imap-server', bothForms(incoming.host)),
          field('export.outlook.label.port', incoming.port),
          field('export.outlook.label.secure-connection', WORDS.security(incoming)),
          field('export.outlook.label.smtp-username', outgoing.username),
          field('export.outlook.label.smtp-server', bothForms(outgoing.host)),
          field('export.outlook.label.port', outgoing.port),
          field('export.outlook.label.secure-connection', WORDS.security(outgoing)),
        ],
      },
      { text: text('export.outlook.new.consent') },
    ],
    notes: [
      ...signInNotes(account, 'Outlook'),
      note('warning', 'export.outlook.new.cloud'),
      note('warning', 'export.outlook.new.no-edit'),
    ],
  };
}
