// The mail domains most people here type, for typo hints. Order matters: on a tie the earlier one
// is suggested, so the most used come first.

export const COMMON_DOMAINS: readonly string[] = [
  'gmail.com',
  'gmx.de',
  'web.de',
  't-online.de',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
  'yahoo.com',
  'gmx.net',
  'googlemail.com',
  'outlook.de',
  'hotmail.de',
  'live.com',
  'live.de',
  'yahoo.de',
  'gmx.at',
  'gmx.ch',
  'posteo.de',
  'mailbox.org',
  'freenet.de',
  'aol.com',
  'aol.de',
  'arcor.de',
  'ionos.de',
  'strato.de',
  'vodafone.de',
  'msn.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
];

/** Real mail domains one slip away from a common one: never a typo. */
export const REAL_NEIGHBOURS: readonly string[] = ['mail.com', 'email.com', 'ymail.com'];

/**
 * Real country domains that are classic slips for a generic one (".co" for ".com", ".ne" for ".net").
 * Any other real top-level domain is taken as meant: yahoo.es, gmx.eu and live.be exist.
 */
export const SLIP_TLDS: Readonly<Record<string, string>> = { co: 'com', cm: 'com', om: 'com', ne: 'net' };
