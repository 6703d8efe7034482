// An unusable policy file, said the same way everywhere (core/policy/problem.ts).

import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { t } from '../../../core/messages/index.js';
import { formatPath, policyProblem, problemError, problemLines } from '../../../core/policy/problem.js';

const FILE = '/etc/mailsetup/policy.json';

describe('policyProblem', () => {
  it('carries the file, the first twenty issues, and the wording in the language asked for', () => {
    const issues = Array.from({ length: 25 }, (_, index) => ({ path: `presets[${index}]`, message: 'bad' }));
    const problem = policyProblem(FILE, issues, 'de');
    expect(problem).toMatchObject({
      code: 'policy-invalid',
      file: FILE,
      message: t('de', 'policy.invalid', { file: FILE }),
      fix: t('de', 'error.policy-invalid.fix'),
    });
    expect(problem.issues).toHaveLength(20);
    expect(problem.message).toContain(FILE);
  });
});

describe('problemLines', () => {
  it('says where and why, one line per issue, the whole file named as such, then what to do', () => {
    const problem = policyProblem(
      FILE,
      [
        { path: 'presets[0].incoming[1].security', message: 'must be tls or starttls' },
        { path: '', message: 'not JSON' },
      ],
      'en',
    );
    expect(problemLines(problem, 'en')).toEqual([
      problem.message,
      '  - presets[0].incoming[1].security: must be tls or starttls',
      `  - ${t('en', 'policy.invalid.whole-file')}: not JSON`,
      t('en', 'cli.fix', { fix: problem.fix }),
    ]);
  });
});

describe('problemError', () => {
  it('is the coded error an API call throws, naming the file and every issue', () => {
    const error = problemError(
      policyProblem(
        FILE,
        [
          { path: 'presets[0]', message: 'bad' },
          { path: '', message: 'worse' },
        ],
        'en',
      ),
    );
    expect(error).toBeInstanceOf(MailSetupError);
    expect(error).toMatchObject({ code: 'policy-invalid', detail: `${FILE}: presets[0]: bad; worse` });
  });
});

describe('formatPath', () => {
  it("writes zod's path the way an administrator reads it", () => {
    expect(formatPath(['presets', 0, 'incoming', 1, 'security'])).toBe('presets[0].incoming[1].security');
    expect(formatPath([])).toBe('');
  });
});
