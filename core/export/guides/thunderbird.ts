// Thunderbird 128 and later, with the labels of its own accountSetup.ftl (en, de).

import { bothForms } from '../../address/idn.js';
import type { ServerSettings } from '../../model.js';
import type { Account } from '../account.js';
import {
  type ClientWords,
  guide,
  PROTOCOL_NAMES,
  secret,
  settingsSection,
  signInNotes,
  yourName,
} from './common.js';
import { type Field, field, type Guide, present, type Step, text } from './model.js';

const WORDS: ClientWords = {
  security: (server: ServerSettings) => (server.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'),
  // OAuth2 works only where Thunderbird knows the provider; our file offers a normal password beside it.
  auth: (server: ServerSettings) =>
    server.auth === 'oauth2' ? 'OAuth2' : text('export.thunderbird.auth.password'),
};

export function thunderbirdGuide(account: Account): Guide {
  const { incoming, outgoing, address } = account;
  const serverFields = (settings: ServerSettings): Field[] =>
    present([
      settings.protocol !== 'smtp' &&
        field('export.thunderbird.label.protocol', PROTOCOL_NAMES[settings.protocol]),
      field('export.thunderbird.label.hostname', bothForms(settings.host)),
      field('export.thunderbird.label.port', settings.port),
      field('export.thunderbird.label.security', WORDS.security(settings)),
      field('export.thunderbird.label.auth', WORDS.auth!(settings)),
      field('export.thunderbird.label.username', settings.username),
    ]);
  const steps: Step[] = present<Step>([
    { text: text('export.thunderbird.open') },
    {
      text: text('export.thunderbird.identity'),
      fields: [
        field('export.thunderbird.label.name', yourName(account)),
        field('export.thunderbird.label.address', address.address),
        field('export.thunderbird.label.password', secret(account)),
      ],
    },
    { text: text('export.thunderbird.manual') },
    { text: text('export.thunderbird.incoming'), fields: serverFields(incoming) },
    { text: text('export.thunderbird.outgoing'), fields: serverFields(outgoing) },
    { text: text('export.thunderbird.retest') },
    incoming.protocol === 'pop3' && {
      text: text(
        account.leaveMessagesOnServer ? 'export.thunderbird.pop3-leave' : 'export.thunderbird.pop3-remove',
      ),
    },
  ]);
  return guide('thunderbird', account, [
    settingsSection(account, WORDS),
    {
      heading: text('export.thunderbird.heading'),
      steps,
      notes: signInNotes(account, 'Thunderbird'),
    },
  ]);
}
