// Who a saved password belongs to: one keychain entry per (address, label) under the app's service name.
// The account string is what the person sees in Keychain Access, Credential Manager or Seahorse, so it
// is readable ("jörg@müller.example · Outlook (office-pc)") rather than JSON. It is never parsed back:
// the non-secret index (saved-index.ts) holds address and label as separate fields.

import os from 'node:os';
import { parseAddress } from '../address/parse.js';

/** The keychain's service name for every entry the app writes. Changing it orphans saved passwords. */
export const SERVICE_NAME = 'MailSetup Assistant';

const ACCOUNT_SEPARATOR = ' · ';

export const MAX_LABEL_LENGTH = 100;
/**
 * The longest secret the app stores, in UTF-16 code units (JavaScript's string length): the smallest of
 * the platforms' limits, so a secret saved on one computer fits on every other. Windows Credential
 * Manager keeps at most CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 × 512 = 2,560 bytes, and keyring stores the
 * password there as UTF-16: 1,280 units. macOS Keychain and the Secret Service take far more. App
 * passwords are 16–32 characters; refresh tokens of the big providers stay well below this.
 */
export const MAX_SECRET_LENGTH = 1280;
/** What stdin may bring for one secret: every unit of the limit as 3 UTF-8 bytes, plus a CRLF. */
export const MAX_SECRET_INPUT_BYTES = MAX_SECRET_LENGTH * 3 + 2;

export interface EntryKey {
  /** The address in lower case: providers treat local parts case-insensitively, so "Max@" and "max@"
   *  are one mailbox and must be one entry (setting again replaces, never duplicates). */
  address: string;
  label: string;
  /** The keychain's account (user name) field. */
  account: string;
}

/**
 * The label used when none is given: the program and this computer's short name, e.g.
 * "MailSetup (office-pc)". Language-neutral on purpose: a label is part of the entry's identity, so a
 * German and an English run must name the same entry.
 */
export function defaultLabel(program = 'MailSetup', hostname: string = os.hostname()): string {
  const shortName = hostname.split('.')[0] || hostname || 'this computer';
  return normalizeLabel(`${program} (${shortName})`);
}

/**
 * The label of a kept OAuth2 sign-in (its refresh token): the issuer's host, language-neutral. Listed
 * and deleted like an app password, but never taken as one.
 */
export function oauthLabel(issuer: string): string {
  return `OAuth2 (${new URL(issuer).host})`;
}

export function isOAuthLabel(label: string): boolean {
  return /^OAuth2 \(.+\)$/.test(label);
}

function normalizeLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export type LabelProblem = 'empty' | 'too-long' | 'control-characters';

/** Why a label cannot be used, or undefined when it can (after trimming). */
export function labelProblem(label: string): LabelProblem | undefined {
  // Checked before normalizing: a line break or tab would otherwise quietly become a space.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(label)) return 'control-characters';
  const normalized = normalizeLabel(label);
  if (normalized === '') return 'empty';
  if ([...normalized].length > MAX_LABEL_LENGTH) return 'too-long';
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type PasswordProblem = 'empty' | 'too-long' | 'not-text';

/** Why a password cannot be stored, or undefined when it can. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password === '') return 'empty';
  // A lone surrogate would be stored as U+FFFD: a different password than the one given.
  if (LONE_SURROGATE.test(password)) return 'not-text';
  if (password.length > MAX_SECRET_LENGTH) return 'too-long';
  return undefined;
}

/**
 * The entry for an address and label (default label when absent). Throws MailSetupError
 * ('invalid-address') for a bad address and a plain Error for a bad label: callers check labels with
 * labelProblem() first, so that one is a bug.
 */
export function entryKey(address: string, label?: string, hostname?: string): EntryKey {
  const parsed = parseAddress(address);
  const chosen = label ?? defaultLabel(undefined, hostname);
  const problem = labelProblem(chosen);
  if (problem) throw new Error(`invalid keychain label (${problem})`);
  const normalizedAddress = parsed.address.toLowerCase();
  const normalizedLabel = normalizeLabel(chosen);
  return {
    address: normalizedAddress,
    label: normalizedLabel,
    account: `${normalizedAddress}${ACCOUNT_SEPARATOR}${normalizedLabel}`,
  };
}
