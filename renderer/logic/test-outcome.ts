// What the last connection test means for the password step: a refused password (warn about the
// lockout), the lockout guard holding back (ask before one more try), or other sign-in problems.

import type { ServerTestResult, TestResult } from '../api/types.js';

export interface SignInOutcome {
  /** The server refused the user name or password. */
  authFailed: boolean;
  /** Our guard did not send the password: the person must confirm another try (force). */
  lockoutGuard?: ServerTestResult;
  /** Other sign-in failures worth showing beside the password (locked, app password needed…). */
  others: ServerTestResult[];
}

const SIGN_IN_CODES = new Set(['auth-locked', 'app-password-required', 'plaintext-auth-refused']);

export function signInOutcome(test: TestResult | undefined): SignInOutcome {
  const results = test?.results ?? [];
  const lockoutGuard = results.find(
    (result) => result.error?.code === 'auth-locked' && result.error.reason === 'lockout-guard',
  );
  return {
    authFailed: results.some((result) => result.error?.code === 'auth-failed'),
    ...(lockoutGuard ? { lockoutGuard } : {}),
    others: results.filter(
      (result) => result !== lockoutGuard && result.error && SIGN_IN_CODES.has(result.error.code),
    ),
  };
}

/** A failure the person fixes on the password step (rather than in the settings). */
export function isSignInProblem(result: ServerTestResult): boolean {
  const code = result.error?.code;
  return (
    code === 'auth-failed' ||
    (code !== undefined && SIGN_IN_CODES.has(code) && code !== 'plaintext-auth-refused')
  );
}
