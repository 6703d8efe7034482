// The encodings a password travels in (SASL PLAIN, AUTH LOGIN, IMAP strings) and every form of it a
// transcript must never show.

import {
  type BearerCredentials,
  type BearerMechanism,
  HIDDEN,
  isBearer,
  type LoginCredentials,
} from './secret.js';

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** SASL PLAIN (RFC 4616): authzid empty, then user and password, NUL-separated, UTF-8, base64. */
export function plainResponse(username: string, password: string): string {
  return base64(`\0${username}\0${password}`);
}

/** RFC 5801 saslname: "," and "=" escaped, for OAUTHBEARER's authzid. */
function saslName(text: string): string {
  return text.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/**
 * The initial client response of an OAuth2 mechanism, base64: XOAUTH2 (Google's and Microsoft's
 * format) or OAUTHBEARER (RFC 7628 3.1: GS2 header, then host, port and the bearer token).
 */
export function bearerResponse(mechanism: BearerMechanism, credentials: BearerCredentials): string {
  const token = credentials.accessToken.reveal();
  if (mechanism === 'XOAUTH2') return base64(`user=${credentials.username}\x01auth=Bearer ${token}\x01\x01`);
  const server = credentials.server
    ? `host=${credentials.server.host}\x01port=${credentials.server.port}\x01`
    : '';
  return base64(`n,a=${saslName(credentials.username)},\x01${server}auth=Bearer ${token}\x01\x01`);
}

/** An IMAP quoted string, or undefined where only a literal can carry the text (8-bit, CR, LF). */
export function imapQuoted(text: string): string | undefined {
  // RFC 3501 quoted strings are 7-bit without CR/LF; UTF-8 needs a literal (or UTF8=ACCEPT).
  const quotable = Array.from(text).every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code > 0 && code < 0x80 && code !== 0x0a && code !== 0x0d;
  });
  if (!quotable) return undefined;
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

// Shorter forms would also match ordinary server words, and hiding those would give the password away.
const MIN_HIDDEN_LENGTH = 6;

/**
 * The forms of the password a server could echo back (the password, quoted, base64, the PLAIN blob):
 * each is replaced by "****" in whatever the server says before it reaches a transcript or detail.
 */
export function hiddenForms(username: string, password: string): string[] {
  const forms = [
    password,
    imapQuoted(password) ?? password,
    base64(password),
    plainResponse(username, password),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_HIDDEN_LENGTH);
}

/** Every form of a login's secret (password or access token) a server could echo back. */
export function secretForms(credentials: LoginCredentials): string[] {
  if (!isBearer(credentials)) return hiddenForms(credentials.username, credentials.password.reveal());
  const token = credentials.accessToken.reveal();
  const forms = [
    token,
    base64(token),
    bearerResponse('XOAUTH2', credentials),
    bearerResponse('OAUTHBEARER', credentials),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_HIDDEN_LENGTH);
}

/** Replaces every hidden form in `text`, longest first (a base64 form may contain a shorter one). */
export function scrub(text: string, forms: readonly string[]): string {
  let clean = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) clean = clean.split(form).join(HIDDEN);
  return clean;
}
