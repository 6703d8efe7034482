// Apple Mail on the Mac and on iPhone/iPad (iOS 18; iOS 14–17 start elsewhere), plus installing a
// profile from IT. Apple has one switch for encryption ("Use TLS/SSL" on the Mac, "Use SSL" on iOS)
// and no STARTTLS setting: with the switch on, ports 143 and 587 mean STARTTLS.

import { bothForms } from '../../address/idn.js';
import type { Account } from '../account.js';
import {
  type ClientWords,
  guide,
  PROTOCOL_NAMES,
  secret,
  settingsSection,
  signInNotes,
  usesStarttls,
  yourName,
} from './common.js';
import { field, type Guide, type Note, note, present, type Section, type Step, text } from './model.js';

const WORDS: ClientWords = { security: () => text('export.apple.security') };
const SWITCH_ON = text('export.apple.on');

export function appleMailGuide(account: Account): Guide {
  const notes = present<Note>([
    ...signInNotes(account, 'Apple Mail', 'export.apple.note.oauth2'),
    usesStarttls(account) && note('info', 'export.apple.note.starttls'),
  ]);
  return guide('applemail', account, [
    settingsSection(account, WORDS),
    { ...macMail(account), notes },
    { ...iosMail(account), notes },
    profileSection(),
  ]);
}

function macMail(account: Account): Section {
  const { incoming, outgoing, address } = account;
  const steps: Step[] = present<Step>([
    { text: text('export.apple.mac.open') },
    { text: text('export.apple.mac.other') },
    {
      text: text('export.apple.mac.identity'),
      fields: [
        field('export.apple.label.name', yourName(account)),
        field('export.apple.label.address', address.address),
        field('export.apple.label.password', secret(account)),
      ],
    },
    {
      text: text('export.apple.mac.manual'),
      fields: [
        field('export.apple.label.account-type', PROTOCOL_NAMES[incoming.protocol]),
        field('export.apple.label.username', incoming.username),
        field('export.apple.label.incoming-server', bothForms(incoming.host)),
        field('export.apple.label.outgoing-server', bothForms(outgoing.host)),
      ],
    },
    {
      text: text('export.apple.mac.ports'),
      fields: present([
        field('export.apple.label.incoming-port', incoming.port),
        field('export.apple.label.mac-use-ssl', SWITCH_ON),
        field('export.apple.label.mac-auth', text('export.apple.auth.password')),
        outgoing.username !== incoming.username &&
          field('export.apple.label.outgoing-username', outgoing.username),
        field('export.apple.label.outgoing-port', outgoing.port),
        field('export.apple.label.mac-use-ssl', SWITCH_ON),
      ]),
    },
    incoming.protocol === 'pop3' && {
      text: text(
        account.leaveMessagesOnServer ? 'export.apple.mac.pop3-leave' : 'export.apple.mac.pop3-remove',
      ),
    },
  ]);
  return { heading: text('export.apple.mac.heading'), steps };
}

function iosMail(account: Account): Section {
  const { incoming, outgoing, address } = account;
  const steps: Step[] = present<Step>([
    { text: text('export.apple.ios.open') },
    {
      text: text('export.apple.ios.identity'),
      fields: [
        field('export.apple.label.name', yourName(account)),
        field('export.apple.label.address', address.address),
        field('export.apple.label.password', secret(account)),
        field('export.apple.label.description', account.description),
      ],
    },
    {
      text: text('export.apple.ios.servers', { type: incoming.protocol === 'imap' ? 'IMAP' : 'POP' }),
      fields: [
        field('export.apple.label.ios-incoming-host', bothForms(incoming.host)),
        field('export.apple.label.ios-incoming-username', incoming.username),
        field('export.apple.label.ios-outgoing-host', bothForms(outgoing.host)),
        field('export.apple.label.ios-outgoing-username', outgoing.username),
      ],
    },
    {
      text: text('export.apple.ios.incoming-port'),
      fields: [
        field('export.apple.label.ios-use-ssl', SWITCH_ON),
        field('export.apple.label.ios-port', incoming.port),
      ],
    },
    {
      text: text('export.apple.ios.outgoing-port', { host: bothForms(outgoing.host) }),
      fields: [
        field('export.apple.label.ios-use-ssl', SWITCH_ON),
        field('export.apple.label.ios-port', outgoing.port),
      ],
    },
    incoming.protocol === 'pop3' && {
      text: text(
        account.leaveMessagesOnServer ? 'export.apple.ios.pop3-leave' : 'export.apple.ios.pop3-remove',
      ),
    },
  ]);
  return { heading: text('export.apple.ios.heading'), steps };
}

function profileSection(): Section {
  return {
    heading: text('export.apple.profile.heading'),
    intro: text('export.apple.profile.intro'),
    steps: [{ text: text('export.apple.profile.mac') }, { text: text('export.apple.profile.ios') }],
    notes: [note('warning', 'export.apple.profile.unsigned')],
  };
}
