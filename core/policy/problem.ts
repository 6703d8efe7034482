// An unusable policy file, said the same way everywhere: as data for the app's banner, as lines for
// the command line, as a coded error for the API calls that must not run without the policy.

import { MailSetupError } from '../errors.js';
import { t } from '../messages/index.js';
import type { Lang } from '../model.js';
import type { PolicyIssue, PolicyProblem } from './types.js';

/** More would bury the first mistakes, which are usually the cause of the rest. */
const MAX_ISSUES = 20;

export function policyProblem(file: string, issues: PolicyIssue[], lang: Lang): PolicyProblem {
  return {
    code: 'policy-invalid',
    file,
    issues: issues.slice(0, MAX_ISSUES),
    message: t(lang, 'policy.invalid', { file }),
    fix: t(lang, 'error.policy-invalid.fix'),
  };
}

/** "presets[0].incoming[1].security" from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** One line per issue, for people: where in the file, then why. */
export function problemLines(problem: PolicyProblem, lang: Lang): string[] {
  return [
    problem.message,
    ...problem.issues.map(
      (issue) =>
        `  - ${issue.path === '' ? t(lang, 'policy.invalid.whole-file') : issue.path}: ${issue.message}`,
    ),
    t(lang, 'cli.fix', { fix: problem.fix }),
  ];
}

/** The coded error an API call throws when it cannot run under an unusable policy. */
export function problemError(problem: PolicyProblem): MailSetupError {
  const issues = problem.issues.map((issue) =>
    issue.path ? `${issue.path}: ${issue.message}` : issue.message,
  );
  return new MailSetupError('policy-invalid', `${problem.file}: ${issues.join('; ')}`);
}
