// The sentences of the policy, the report and the domain check: the same keys in German and English,
// the same {parameters} in both, and wording for every error code.

import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/errors.js';
import { domainCheckMessages } from '../../../core/messages/domain-check.js';
import { hasMessage, t } from '../../../core/messages/index.js';
import { policyMessages } from '../../../core/messages/policy.js';
import { reportMessages } from '../../../core/messages/report.js';

const parts = { policy: policyMessages, report: reportMessages, 'domain-check': domainCheckMessages };
const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(Object.entries(parts))('core/messages/%s.ts', (_name, part) => {
  it('has the same keys in English and German', () => {
    expect(Object.keys(part.de).sort()).toEqual(Object.keys(part.en).sort());
  });

  it('has the same parameters in both, and no empty or untranslated sentence', () => {
    for (const [key, english] of Object.entries(part.en)) {
      const german = part.de[key] ?? '';
      expect({ key, parameters: parameters(german) }).toEqual({ key, parameters: parameters(english) });
      expect(german.trim()).not.toBe('');
      // A sentence of words, not just a layout of parameters, is translated.
      if (english.replace(/\{\w+\}/g, '').length > 30)
        expect({ key, german }).not.toEqual({ key, german: english });
    }
  });
});

describe('error codes', () => {
  it.each(ERROR_CODES)('%s has a message and a fix in both languages', (code) => {
    expect(hasMessage(`error.${code}`)).toBe(true);
    expect(hasMessage(`error.${code}.fix`)).toBe(true);
    expect(t('de', `error.${code}`)).not.toBe(t('en', `error.${code}`));
  });
});
