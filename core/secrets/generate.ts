// Passwords for the person to paste into a provider's "new password" page: cryptographically random
// (node:crypto randomInt), long, and without characters that look alike when read aloud or copied
// off a screen. Options follow the rules providers state (length, required kinds, allowed symbols).

import { randomInt } from 'node:crypto';

/** The usual look-alikes: 0/O/o, 1/l/I, and the symbols that read as them or vanish in print. */
export const LOOK_ALIKES = '0Oo1lI|`\'"';

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
/** Symbols most providers accept, none that shells, URLs or CSV files treat specially in pairs. */
export const DEFAULT_SYMBOLS = '!#$%&*+-=?@^_';

export interface PasswordRules {
  /** 8 to 128; default 20. */
  length?: number;
  requireLower?: boolean;
  requireUpper?: boolean;
  requireDigit?: boolean;
  requireSymbol?: boolean;
  /** The symbols the provider allows ("" for none); look-alikes among them are still left out.
   *  `requireSymbol` defaults to true only when some symbol is left. */
  symbols?: string;
  /** Symbols the provider refuses. */
  excludeSymbols?: string;
}

export const PASSWORD_DEFAULTS = {
  length: 20,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  symbols: DEFAULT_SYMBOLS,
  excludeSymbols: '',
} as const satisfies PasswordRules;

/** Rules from plain data (the app's form) may carry explicit undefineds; they must not hide a default. */
function withoutUndefined(rules: PasswordRules): PasswordRules {
  return Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined));
}

export const MIN_GENERATED_LENGTH = 8;
export const MAX_GENERATED_LENGTH = 128;

/** The character sets the rules allow, after removing look-alikes and excluded symbols. */
export function passwordAlphabet(rules: PasswordRules = {}): {
  lower: string;
  upper: string;
  digits: string;
  symbols: string;
} {
  const settings = { ...PASSWORD_DEFAULTS, ...withoutUndefined(rules) };
  const refused = new Set([...LOOK_ALIKES, ...settings.excludeSymbols]);
  // Letters, digits and white space are never symbols, whatever the rules list.
  const symbols = [...new Set(settings.symbols)]
    .filter((char) => !refused.has(char) && !/[\p{L}\p{N}\s]/u.test(char) && char.charCodeAt(0) < 0x7f)
    .join('');
  return { lower: LOWER, upper: UPPER, digits: DIGITS, symbols };
}

/**
 * A new random password. Drawn uniformly from the allowed alphabet and redrawn until every required
 * kind is present: uniform over all passwords meeting the rules, with no kind pinned to a position.
 * Throws RangeError for rules no password can meet.
 */
export function generatePassword(rules: PasswordRules = {}): string {
  const settings = { ...PASSWORD_DEFAULTS, ...withoutUndefined(rules) };
  const { length } = settings;
  if (!Number.isInteger(length) || length < MIN_GENERATED_LENGTH || length > MAX_GENERATED_LENGTH) {
    throw new RangeError(
      `length must be a whole number from ${MIN_GENERATED_LENGTH} to ${MAX_GENERATED_LENGTH}`,
    );
  }
  const sets = passwordAlphabet(settings);
  const required = [
    settings.requireLower && sets.lower,
    settings.requireUpper && sets.upper,
    settings.requireDigit && sets.digits,
    (settings.requireSymbol ?? sets.symbols !== '') && sets.symbols,
  ].filter((set): set is string => set !== false);
  if (required.some((set) => set === '')) throw new RangeError('a required kind of character has none left');
  if (required.length > length) throw new RangeError('too short for every required kind of character');
  const alphabet = [...sets.lower, ...sets.upper, ...sets.digits, ...sets.symbols];

  // At length 8 with all four kinds required 45% of the draws succeed (90% at 20); 1,000 failures in a
  // row would take odds below 10^-170, so reaching the end means a bug, not bad luck.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)] as string);
    if (required.every((set) => chars.some((char) => set.includes(char)))) return chars.join('');
  }
  throw new Error('could not meet the password rules');
}
