// THE application API. electron/ipc.ts, cli/ and the e2e host adapt this one object; the renderer
// sees it only as types. Every method takes plain data and returns plain data.

import { parseAddress } from './address/parse.js';
import { type DetectDeps, type DetectRequest, detect } from './detect.js';
import type { DomainCheckRequest, DomainCheckResult } from './domain-check/index.js';
import type { ExportDeps, ExportRequest, ExportResult } from './export/index.js';
import type { DetectResult, Lang } from './model.js';
import { loadPolicy } from './policy/load.js';
import { problemError } from './policy/problem.js';
import { assertDomainAllowed, assertFormatAllowed, assertProtocolAllowed } from './policy/rules.js';
import type { PolicyState } from './policy/types.js';
import { runConnectionTest, type TestDeps, type TestRequest, type TestResult } from './probe/test-run.js';
import type { ReportDeps } from './report/build.js';
import type { ReportRequest, ReportResult } from './report/types.js';
import { generatePassword, type PasswordRules } from './secrets/generate.js';
import {
  createKeychain,
  type Keychain,
  type KeychainDeleteResult,
  type KeychainEntryRequest,
  type KeychainRenameRequest,
  type KeychainRenameResult,
  type KeychainSetRequest,
  type KeychainSetResult,
} from './secrets/keychain.js';
import type { SavedPassword } from './secrets/saved-index.js';
import { type PasswordRating, type RateRequest, ratePassword } from './secrets/strength.js';

export interface MailSetupApi {
  /** Finds the best settings for an address. Throws MailSetupError('invalid-address') for bad input. */
  detect(request: DetectRequest): Promise<DetectResult>;
  /** Proves settings: TLS and one login per server, all at once. Failures are results, not throws. */
  test(request: TestRequest): Promise<TestResult>;
  /** Makes a set-up file or guide for one account. Throws MailSetupError('invalid-address') for bad input. */
  export(request: ExportRequest): Promise<ExportResult>;
  /** What the app saved in the OS keychain: addresses, labels, dates, servers; never a password. */
  keychainList(): Promise<SavedPassword[]>;
  /** Saves or replaces the password of (address, label). Throws MailSetupError('keychain-unavailable')
   *  when there is no usable keychain: the app then uses the password for the session only. */
  keychainSet(request: KeychainSetRequest): Promise<KeychainSetResult>;
  /** Deletes a saved password; `deleted: false` when there was none. */
  keychainDelete(request: KeychainEntryRequest): Promise<KeychainDeleteResult>;
  /** Gives a saved password a new label; the password itself moves inside core and is never returned.
   *  Throws keychain-entry-not-found, keychain-label-taken (unless `replace`) or invalid-label. */
  keychainRename(request: KeychainRenameRequest): Promise<KeychainRenameResult>;
  /** A new random password for the provider's web page. Throws RangeError for rules no password meets. */
  generatePassword(rules?: PasswordRules): Promise<string>;
  /** How hard a typed password is to guess, with reasons in plain words. */
  ratePassword(request: RateRequest): Promise<PasswordRating>;
  /**
   * The administrator's policy in force (presets, locks, branding), the file it came from, or `error`
   * when a policy file exists but cannot be used: the app then shows a banner and sets nothing up.
   */
  policy(request?: PolicyRequest): Promise<PolicyState>;
  /**
   * The diagnostics report for the helpdesk ("Copy report"): detection, each server's TLS facts,
   * certificate and transcript, policy, system and app version, as data and as text. Never a password.
   * Without one, servers are reached but nobody signs in. Throws only for an invalid address.
   */
  report(request: ReportRequest): Promise<ReportResult>;
  /** Checks a mail domain: MX, SPF, DMARC, MTA-STS, TLS-RPT, autoconfig, autodiscover, each with a verdict. */
  domainCheck(request: DomainCheckRequest): Promise<DomainCheckResult>;
}

export interface PolicyRequest {
  /** The language of the problem's message when the policy file cannot be used. */
  lang?: Lang;
}

/** Method names, checked against the interface: preload and ipc iterate this, nothing else. */
export const API_METHODS = [
  'detect',
  'test',
  'export',
  'keychainList',
  'keychainSet',
  'keychainDelete',
  'keychainRename',
  'generatePassword',
  'ratePassword',
  'policy',
  'report',
  'domainCheck',
] as const satisfies readonly (keyof MailSetupApi)[];

export function createApi(
  deps: DetectDeps & TestDeps & ExportDeps & { keychain?: Keychain } = {},
): MailSetupApi {
  // Made on first use: its helper process starts only when a keychain call comes.
  let keychain = deps.keychain;
  const keychainOnce = (): Keychain => {
    keychain ??= createKeychain();
    return keychain;
  };
  // Read for every call (a small file): an administrator's change applies without a restart.
  const policyFor = (lang?: Lang): Promise<PolicyState> =>
    deps.policy ? Promise.resolve(deps.policy) : loadPolicy({ lang: lang ?? 'en' });
  /** The policy a call runs under; an unusable one stops the call (policy-invalid). */
  const policyInForce = async (lang?: Lang): Promise<PolicyState> => {
    const state = await policyFor(lang);
    if (state.error) throw problemError(state.error);
    return state;
  };
  return {
    detect: async (request) => detect(request, { ...deps, policy: await policyFor(request.lang) }),
    test: async (request) => {
      const { policy } = await policyInForce(request.lang);
      assertDomainAllowed(policy, parseAddress(request.address));
      const pins = [...(deps.trustedCertificates ?? []), ...(policy?.trustedCertificates ?? [])];
      return runConnectionTest(request, { ...deps, trustedCertificates: pins });
    },
    // Loaded on first use: detect-only runs start without the export writers.
    export: async (request) => {
      const { policy } = await policyInForce(request.lang);
      assertDomainAllowed(policy, parseAddress(request.account.address));
      assertFormatAllowed(policy, request.format);
      assertProtocolAllowed(policy, request.account.incoming.protocol);
      // The guides' branding is the administrator's word: taken from the policy in force, never from
      // the request (the renderer's), so the app and the CLI get the same guides.
      const { branding: _fromRequest, ...rest } = request;
      const branding = policy?.branding;
      return (await import('./export/index.js')).exportAccount(
        { ...rest, ...(branding ? { branding } : {}) },
        deps,
      );
    },
    keychainList: () => keychainOnce().list(),
    keychainSet: (request) => keychainOnce().set(request),
    keychainDelete: (request) => keychainOnce().delete(request),
    keychainRename: (request) => keychainOnce().rename(request),
    generatePassword: async (rules) => generatePassword(rules),
    ratePassword: (request) => ratePassword(request),
    policy: (request) => policyFor(request?.lang),
    report: async (request) => {
      const reportDeps: ReportDeps = { ...deps, policy: await policyFor(request.lang) };
      return (await import('./report/build.js')).buildReport(request, reportDeps);
    },
    domainCheck: async (request) => (await import('./domain-check/index.js')).checkDomain(request, deps),
  };
}

export type { DetectRequest } from './detect.js';
export type { DomainCheck, DomainCheckRequest, DomainCheckResult, Verdict } from './domain-check/index.js';
export type {
  ExportAccount,
  ExportFormat,
  ExportRequest,
  ExportResult,
  SigningIdentity,
} from './export/index.js';
export type * from './model.js';
export type { CertificatePin, TlsFacts } from './net/tls.js';
export type {
  Policy,
  PolicyBranding,
  PolicyIssue,
  PolicyOrigin,
  PolicyPreset,
  PolicyProblem,
  PolicyServer,
  PolicyState,
} from './policy/types.js';
export type { ServerTestResult, TestProgress, TestRequest, TestResult } from './probe/test-run.js';
export type {
  DiagnosticsReport,
  ReportLogin,
  ReportPolicy,
  ReportRequest,
  ReportResult,
} from './report/types.js';
export type { PasswordRules } from './secrets/generate.js';
export type {
  KeychainDeleteResult,
  KeychainEntryRequest,
  KeychainRenameRequest,
  KeychainRenameResult,
  KeychainSetRequest,
  KeychainSetResult,
} from './secrets/keychain.js';
export type { SavedPassword } from './secrets/saved-index.js';
export type { PasswordRating, RateRequest } from './secrets/strength.js';
