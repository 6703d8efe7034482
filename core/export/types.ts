// What an export takes and gives. Plain data, so that it crosses the IPC bridge unchanged.

import type { Lang, Notice, ProviderRef, ServerSettings } from '../model.js';
import type { SigningIdentity } from './sign.js';

export type { SigningIdentity } from './sign.js';

export const EXPORT_FORMATS = [
  'thunderbird',
  'mobileconfig',
  'autodiscover',
  'guide-outlook',
  'guide-thunderbird',
  'guide-applemail',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const GUIDE_FORMATS = ['guide-outlook', 'guide-thunderbird', 'guide-applemail'] as const;
export type GuideFormat = (typeof GUIDE_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isGuideFormat(value: string): value is GuideFormat {
  return (GUIDE_FORMATS as readonly string[]).includes(value);
}

/** One mail account as the person will use it: one incoming and one outgoing server. */
export interface ExportAccount {
  address: string;
  /** The person's name, as recipients see it; may be empty (the guides then ask for it). */
  displayName: string;
  /** The account's name in the mail program ("Work"); defaults to the provider's name or the address. */
  description?: string;
  incoming: ServerSettings;
  outgoing: ServerSettings;
  provider?: ProviderRef;
  /** POP3 only; true unless the person says otherwise (a second device still sees the mail). */
  leaveMessagesOnServer?: boolean;
  /** mobileconfig only, and only when the person explicitly asks: the file then holds a secret. */
  includePassword?: string;
  /**
   * Detection's hints as they came (DetectResult.hints): the provider's ones become a "Before you
   * start" section in the guides and ExportResult.hints; the rest (typo suggestions) are left out.
   */
  hints?: readonly Notice[];
}

/**
 * The organisation behind the set-up, from the administrator's policy (core/api.ts fills it in from
 * the policy in force; a request through the API cannot bring its own). The guides show the name and
 * the support contacts; the HTML guide also the logo.
 */
export interface ExportBranding {
  name: string;
  /** A data:image/…;base64 URL (the policy loader makes one); HTML guides only. */
  logo?: string;
  supportPhone?: string;
  supportMail?: string;
  supportUrl?: string;
}

export interface ExportRequest {
  account: ExportAccount;
  format: ExportFormat;
  lang?: Lang;
  /** Guides only: an HTML page (default) or a PDF made here. */
  document?: 'html' | 'pdf';
  /** mobileconfig only: sign the profile with IT's certificate (the content is then DER bytes). */
  sign?: SigningIdentity;
  /** Guides only: the organisation's name and support contacts. */
  branding?: ExportBranding;
}

export interface ExportResult {
  /** A suggested file name (ASCII). */
  filename: string;
  mediaType: string;
  /** Text formats as a string; PDF and signed profiles as bytes. */
  content: string | Buffer;
  /** What the file cannot carry or what makes it sensitive, localized. */
  warnings: Notice[];
  /** What the person must do at the provider before the mail program gets in, worded for after the export. */
  hints: Notice[];
}

/** The only sources of variation in an export: tests pass fixed ones and compare whole outputs. */
export interface ExportDeps {
  clock?: () => Date;
  /** A fresh UUID per call (Apple PayloadUUIDs). */
  newId?: () => string;
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; found next to the app by default. */
  fontDir?: string;
}
