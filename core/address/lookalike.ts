// Domains that may imitate another: a label whose letters come from more than one script, such as a
// Cyrillic "а" in an otherwise Latin "pаypal". Browsers show such names in their ASCII (xn--) form for
// the same reason (Chromium's IDN spoof checker, Unicode TS #39 "highly restrictive"); we keep the
// Unicode form but say so, with both forms.

/** Scripts whose letters are routinely confused with each other's. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Georgian', 'Coptic'] as const;
/**
 * Script sets that one language writes together (UTS #39's "highly restrictive" level): Japanese mixes
 * Han with kana, Korean Han with Hangul, Chinese Han with Bopomofo, each also with Latin.
 */
const EAST_ASIAN = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'] as const;
const ALLOWED_EAST_ASIAN: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
  ['Latin', 'Han', 'Bopomofo'],
];

const SCRIPT_TESTS = [...SCRIPTS, ...EAST_ASIAN].map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const,
);
const LETTER = /\p{L}/u;

/** The scripts of a label's letters (digits, hyphens and marks belong to none). */
export function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of label) {
    if (!LETTER.test(char)) continue;
    const found = SCRIPT_TESTS.find(([, pattern]) => pattern.test(char));
    // A letter of any other script counts as its own, so it mixes with everything else.
    scripts.add(found ? found[0] : 'Other');
  }
  return scripts;
}

function mixesScripts(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size <= 1) return false;
  return !ALLOWED_EAST_ASIAN.some((allowed) => [...scripts].every((script) => allowed.includes(script)));
}

/** True when a label of the (Unicode) domain mixes scripts in a way no language writes. */
export function mayImitateAnotherDomain(unicodeDomain: string): boolean {
  return unicodeDomain.split('.').some(mixesScripts);
}
