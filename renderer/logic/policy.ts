// What the administrator's policy means for the wizard's choices: the protocols it may offer, the mail
// programs and downloads it may offer, and the support contacts as safe links. Pure functions; core
// enforces the same rules again on every call, these only keep the wizard from offering what it refuses.

import type { ExportFormat, IncomingProtocol, Policy, PolicyBranding } from '../api/types.js';

export const INCOMING_PROTOCOLS: readonly IncomingProtocol[] = ['imap', 'pop3'];

/** The incoming protocols the person may choose, in the wizard's order. */
export function allowedProtocols(policy: Policy | undefined): IncomingProtocol[] {
  const allowed = policy?.protocols;
  return allowed
    ? INCOMING_PROTOCOLS.filter((protocol) => allowed.includes(protocol))
    : [...INCOMING_PROTOCOLS];
}

export type Program = 'outlook' | 'thunderbird' | 'applemail';

/** What the finish step offers per mail program: a set-up file (Thunderbird, Apple Mail) and a guide. */
export interface ProgramDownloads {
  program: Program;
  file?: ExportFormat;
  guide?: ExportFormat;
}

const DOWNLOADS: readonly { program: Program; guide: ExportFormat; file?: ExportFormat }[] = [
  { program: 'outlook', guide: 'guide-outlook' },
  { program: 'thunderbird', guide: 'guide-thunderbird', file: 'thunderbird' },
  { program: 'applemail', guide: 'guide-applemail', file: 'mobileconfig' },
];

/**
 * The mail programs with at least one download the policy's `exportFormats` allows, and only those
 * downloads. (Outlook's autodiscover file is for servers, not people: the wizard does not offer it.)
 */
export function offeredPrograms(policy: Policy | undefined): ProgramDownloads[] {
  const formats = policy?.exportFormats;
  const allowed = (format: ExportFormat | undefined) =>
    format !== undefined && (!formats || formats.includes(format));
  return DOWNLOADS.map((entry) => ({
    program: entry.program,
    ...(allowed(entry.file) ? { file: entry.file } : {}),
    ...(allowed(entry.guide) ? { guide: entry.guide } : {}),
  })).filter((entry) => entry.file || entry.guide);
}

/** The policy's logo as something an <img> may show: an image data: URL (the CSP allows no other). */
export function logoSource(branding: PolicyBranding | undefined): string | undefined {
  const logo = branding?.logo?.replace(/\s+/g, '');
  return logo && /^data:image\/(?:png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/]+={0,2}$/.test(logo)
    ? logo
    : undefined;
}

export interface SupportContacts {
  name: string;
  phone?: { text: string; href: string };
  mail?: { text: string; href: string };
  url?: { text: string; href: string };
}

/** The branding's contacts as links: tel: with digits only, mailto:, and https only for the web page. */
export function supportContacts(branding: PolicyBranding | undefined): SupportContacts | undefined {
  if (!branding) return undefined;
  const { supportPhone, supportMail, supportUrl } = branding;
  const dial = supportPhone?.replace(/[^\d+]/g, '');
  const contacts: SupportContacts = {
    name: branding.name,
    ...(supportPhone && dial ? { phone: { text: supportPhone, href: `tel:${dial}` } } : {}),
    ...(supportMail && /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(supportMail)
      ? { mail: { text: supportMail, href: `mailto:${supportMail}` } }
      : {}),
    ...(supportUrl && /^https:\/\//i.test(supportUrl) ? { url: { text: supportUrl, href: supportUrl } } : {}),
  };
  return contacts.phone || contacts.mail || contacts.url ? contacts : undefined;
}
