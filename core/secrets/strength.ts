// How hard a typed password is to guess, in plain words: zxcvbn-ts (dictionaries in German and
// English, keyboard patterns, dates, repeats) plus our own rules. The dictionaries weigh ~10 MB and
// take a few hundred milliseconds to load, so they load on the first rating, never at start-up.

import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { parseAddress } from '../address/parse.js';
import { hasMessage, t } from '../messages/index.js';
import type { Lang, Notice } from '../model.js';

export type Score = 0 | 1 | 2 | 3 | 4;

export interface PasswordRating {
  /** 0 (guessed at once) to 4 (very hard to guess): zxcvbn's scale after our rules. */
  score: Score;
  /** Score below 3: a weak password, with at least one reason. */
  weak: boolean;
  /** Why it is weak, in plain words (empty for a strong password). */
  reasons: Notice[];
  /** What would make it stronger. */
  suggestions: Notice[];
}

export interface RateRequest {
  password: string;
  lang?: Lang;
  /** The account's address and label: a password built from them is easy to guess for anyone who
   *  knows the address. */
  address?: string;
  label?: string;
}

/** Fewer characters are weak whatever they are: short passwords fall to brute force. */
export const MIN_STRONG_LENGTH = 12;
/** Below this score a password is weak. */
const STRONG_SCORE = 3;
/** Parts of the address or label shorter than this are too common to count as "contained". */
const MIN_PART_LENGTH = 3;

let loading: Promise<ZxcvbnFactory> | undefined;

function loadRater(): Promise<ZxcvbnFactory> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, de] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-de'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...de.dictionary },
      graphs: common.adjacencyGraphs,
      // Off: it finds little the dictionaries miss and makes a rating ~10x slower (seconds, not ms).
      useLevenshteinDistance: false,
    });
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

interface PersonalWords {
  /** The address in its forms and its local part: a password containing one is weak. */
  address: string[];
  /** The label as a whole: likewise. */
  label: string[];
  /** Everything zxcvbn should treat as known to an attacker (also domain and label words). */
  inputs: string[];
}

function personalWords(address: string | undefined, label: string | undefined): PersonalWords {
  const forms: string[] = [];
  const domainParts: string[] = [];
  if (address) {
    try {
      const parsed = parseAddress(address);
      forms.push(parsed.address, parsed.asciiAddress, parsed.localPart);
      domainParts.push(...parsed.domainUnicode.split('.').slice(0, -1));
    } catch {
      // Rating works while the address is still being typed: use what is there.
      const [localPart = '', ...rest] = address.trim().split('@');
      forms.push(address.trim(), localPart);
      domainParts.push(...rest.join('@').split('.'));
    }
  }
  const labelWords = label ? label.split(/[^\p{L}\p{N}]+/u) : [];
  const keep = (values: string[]) => [
    ...new Set(
      values
        .map((value) => value.trim().toLowerCase())
        .filter((value) => [...value].length >= MIN_PART_LENGTH),
    ),
  ];
  const result = { address: keep(forms), label: keep(label ? [label] : []) };
  return { ...result, inputs: keep([...result.address, ...result.label, ...domainParts, ...labelWords]) };
}

function notice(lang: Lang, code: string, params: Record<string, string | number> = {}): Notice {
  return { code, message: t(lang, `secrets.strength.${code}`, params) };
}

/** zxcvbn's feedback keys we have words for; a key a later zxcvbn adds is left out, not shown raw. */
function known(code: string): boolean {
  return hasMessage(`secrets.strength.${code}`);
}

export async function ratePassword(request: RateRequest): Promise<PasswordRating> {
  const lang = request.lang ?? 'en';
  const { password } = request;
  const words = personalWords(request.address, request.label);
  const rater = await loadRater();
  const result = rater.check(password, words.inputs);
  let score = result.score as Score;
  const reasons: Notice[] = [];
  const cap = (code: string, params?: Record<string, string | number>): void => {
    reasons.push(notice(lang, code, params));
    score = Math.min(score, 1) as Score;
  };
  const lower = password.toLowerCase();
  if ([...password].length < MIN_STRONG_LENGTH) cap('too-short', { min: MIN_STRONG_LENGTH });
  if (words.address.some((word) => lower.includes(word))) cap('contains-address');
  if (words.label.some((word) => lower.includes(word))) cap('contains-label');
  const warning = result.feedback.warning;
  // userInputs is zxcvbn's word for what we already said more precisely above.
  if (warning && known(`warning.${warning}`) && !(warning === 'userInputs' && reasons.length > 0))
    reasons.push(notice(lang, `warning.${warning}`));
  const weak = score < STRONG_SCORE;
  if (weak && reasons.length === 0) reasons.push(notice(lang, 'easy-to-guess'));

  const suggestions = weak
    ? [
        ...result.feedback.suggestions
          .filter((key) => known(`suggestion.${key}`))
          .map((key) => notice(lang, `suggestion.${key}`)),
        notice(lang, 'suggestion.generator'),
      ]
    : [];
  return { score, weak, reasons: weak ? reasons : [], suggestions };
}
