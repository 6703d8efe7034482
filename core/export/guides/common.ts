// What every guide shares: the title, the introduction, the summary of the person's values, the
// notes about app passwords and OAuth2, and the organisation's name and support contacts when an
// administrator's policy brands the guides. Each client passes its own words for security and sign-in.

import { bothForms } from '../../address/idn.js';
import type { ServerSettings } from '../../model.js';
import { type Account, providerName } from '../account.js';
import { exportHintKey } from '../hints.js';
import { checkLogoDataUrl } from '../logo.js';
import type { ExportBranding } from '../types.js';
import {
  type Field,
  field,
  type Guide,
  type Note,
  note,
  type Param,
  present,
  type Section,
  text,
} from './model.js';

export type GuideClient = 'outlook' | 'thunderbird' | 'applemail';

/** How a client names the security choice and the sign-in method. */
export interface ClientWords {
  security(server: ServerSettings): Param;
  auth?(server: ServerSettings): Param;
}

export const PROTOCOL_NAMES = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;

export function guide(client: GuideClient, account: Account, sections: Section[]): Guide {
  const before = hintSection(account);
  return {
    title: text(`export.guide.title.${client}`, { address: account.address.address }),
    intro: [text('export.guide.intro'), text('export.guide.intro.password')],
    sections: before ? [before, ...sections] : sections,
  };
}

/**
 * "Before you start": what the provider demands before any mail program gets in (switch on IMAP, an
 * app password), first, since the client's steps fail without it. Same for every client.
 */
function hintSection(account: Account): Section | undefined {
  if (account.hints.length === 0) return undefined;
  const provider = providerName(account);
  return {
    heading: text('export.hint.heading'),
    steps: account.hints.map((hint) => ({
      text: text(exportHintKey(hint.code), { ...hint.params, provider, text: hint.text ?? '' }),
      ...(hint.url ? { fields: [field('export.hint.page', hint.url)] } : {}),
    })),
  };
}

export function settingsSection(account: Account, words: ClientWords): Section {
  const { incoming, outgoing } = account;
  const server = (direction: 'incoming' | 'outgoing', settings: ServerSettings): Field[] =>
    present([
      field(`export.guide.label.${direction}-server`, bothForms(settings.host)),
      field('export.guide.label.port', settings.port),
      field('export.guide.label.security', words.security(settings)),
      words.auth && field('export.guide.label.auth', words.auth(settings)),
      field('export.guide.label.username', settings.username),
    ]);
  const idnHosts = [incoming.host, outgoing.host].some((host) => bothForms(host) !== host);
  return {
    heading: text('export.guide.settings.heading'),
    ...(idnHosts ? { notes: [note('info', 'export.guide.note.idn')] } : {}),
    fields: [
      field('export.guide.label.name', yourName(account)),
      field('export.guide.label.address', account.address.address),
      field('export.guide.label.account-type', PROTOCOL_NAMES[incoming.protocol]),
      ...server('incoming', incoming),
      ...server('outgoing', outgoing),
      field('export.guide.label.password', secret(account)),
    ],
  };
}

/** The name to type: the person's, or a description of what belongs there. */
export function yourName(account: Account): Param {
  return account.displayName || text('export.guide.value.your-name');
}

/** What the person types as the password: never the password itself. */
export function secret(account: Account): Param {
  return text(`export.guide.secret.${account.incoming.auth}`);
}

/** App password and OAuth2: said in every guide, with the client's name or the client's own note. */
export function signInNotes(
  account: Account,
  clientName: string,
  oauth2Key = 'export.guide.note.oauth2',
): Note[] {
  const auths = new Set([account.incoming.auth, account.outgoing.auth]);
  return present<Note>([
    auths.has('app-password') && { tone: 'warning', text: text('export.guide.note.app-password') },
    auths.has('oauth2') && { tone: 'info', text: text(oauth2Key, { client: clientName }) },
  ]);
}

export function usesStarttls(account: Account): boolean {
  return account.incoming.security === 'starttls' || account.outgoing.security === 'starttls';
}

/**
 * The organisation's name above the title and, when it gives any contact, a last section "Need help?"
 * with them. Same for every client, so it is added here rather than in each client's steps.
 */
export function branded(guide: Guide, branding: ExportBranding | undefined): Guide {
  const name = branding?.name.trim();
  if (!branding || !name) return guide;
  const contacts = present<Field>([
    branding.supportPhone ? field('export.guide.support.phone', branding.supportPhone) : undefined,
    branding.supportMail ? field('export.guide.support.mail', branding.supportMail) : undefined,
    branding.supportUrl ? field('export.guide.support.url', branding.supportUrl) : undefined,
  ]);
  const logo = usableLogo(branding.logo);
  const support: Section = {
    heading: text('export.guide.support.heading'),
    intro: text('export.guide.support.intro', { organisation: name }),
    fields: contacts,
  };
  return {
    ...guide,
    brand: { name, ...(logo ? { logo } : {}) },
    sections: contacts.length > 0 ? [...guide.sections, support] : guide.sections,
  };
}

/** A logo the guide may embed: an image data: URL that is the image it claims (the policy's rule). */
function usableLogo(logo: string | undefined): string | undefined {
  if (!logo) return undefined;
  const compact = logo.replace(/\s+/g, '');
  return checkLogoDataUrl(compact) === undefined ? compact : undefined;
}
