// THE application API. electron/ipc.ts, cli/ and browser-host/ adapt this one object; the renderer
// sees it only as types. Every method takes plain data and returns plain data.

import { parseAddress } from './address/parse.js';
import { type DetectDeps, type DetectRequest, detect } from './detect.js';
import type { DiscoveryContext } from './discovery/types.js';
import type { DomainCheckRequest, DomainCheckResult } from './domain-check/index.js';
import type { BridgeError } from './errors.js';
import type { ExportDeps, ExportRequest, ExportResult } from './export/index.js';
import type { DetectResult, Lang } from './model.js';
import { loadPolicy } from './policy/load.js';
import { problemError } from './policy/problem.js';
import { assertDomainAllowed, assertFormatAllowed, assertProtocolAllowed } from './policy/rules.js';
import type { PolicyState } from './policy/types.js';
import type { LockoutGuard } from './probe/lockout.js';
import type { TestDeps, TestRequest, TestResult } from './probe/test-run.js';
import type { RenderReportRequest } from './report/render.js';
import type { ReportRequest, ReportResult } from './report/types.js';
import type { PasswordRules } from './secrets/generate.js';
import type {
  Keychain,
  KeychainDeleteResult,
  KeychainEntryRequest,
  KeychainRenameRequest,
  KeychainRenameResult,
  KeychainSetRequest,
  KeychainSetResult,
} from './secrets/keychain.js';
import type { SavedPassword } from './secrets/saved-index.js';
import { type PasswordRating, type RateRequest, ratePassword } from './secrets/strength.js';

export interface MailSetupApi {
  /** Finds the best settings for an address. Throws MailSetupError('invalid-address') for bad input. */
  detect(request: DetectRequest): Promise<DetectResult>;
  /**
   * Proves an account: the person's servers, or detection's best ones (detected first, or as the
   * person just saw them); TLS and one login per server, all at once, under the lockout count of the
   * user's ledger. Untrusted detected settings get no password without `acceptUntrusted` (the result's
   * `error.code` is `untrusted-settings`). Failures are results, not throws.
   */
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
  /**
   * The same report, written from results the caller already has (the app's detect and test results on
   * screen): nothing is looked up or tested again. Never a password (one given is only cut out).
   */
  renderReport(request: RenderReportRequest): Promise<ReportResult>;
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
  'renderReport',
  'domainCheck',
] as const satisfies readonly (keyof MailSetupApi)[];

export type ApiMethod = (typeof API_METHODS)[number];

/** What a call across a process boundary returns: class identity and error fields do not survive it. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** A progress event of one call (detect's look-ups, test's steps), for the renderer's live view. */
export interface ProgressMessage {
  requestId: string;
  method: ApiMethod;
  event: unknown;
}

/** One detect progress event: a source started or finished asking one target. */
export type DetectProgress = Parameters<NonNullable<DiscoveryContext['progress']>>[0];

type RequestOf<M extends ApiMethod> = Parameters<MailSetupApi[M]>[0];
type ResultOf<M extends ApiMethod> = Awaited<ReturnType<MailSetupApi[M]>>;

/**
 * The API as the renderer sees it through a bridge (core/bridge.ts carries it): same requests
 * (without callbacks), envelopes back. Defined here so the renderer reaches every core type through
 * this one module.
 */
export type BridgedApi = {
  [M in ApiMethod]: (request: RequestOf<M>, requestId?: string) => Promise<Envelope<ResultOf<M>>>;
} & {
  /** Subscribes to progress events of every call; returns the unsubscribe function. */
  onProgress(listener: (message: ProgressMessage) => void): () => void;
};

/** How long detect's answer stands for a test of the same address without servers (the app's flow). */
export const RECENT_DETECTION_MS = 15 * 60 * 1000;

export function createApi(
  deps: DetectDeps & TestDeps & ExportDeps & { keychain?: Keychain } = {},
): MailSetupApi {
  // Loaded and made on first use: its helper process (and the index's schema) only when a keychain
  // call comes. What a command does not use stays off its start path (the CLI is bundled into lazily
  // loaded chunks along these imports).
  let keychain: Promise<Keychain> | undefined = deps.keychain && Promise.resolve(deps.keychain);
  const keychainOnce = (): Promise<Keychain> => {
    keychain ??= import('./secrets/keychain.js').then(({ createKeychain }) => createKeychain());
    return keychain;
  };
  // Read for every call (a small file): an administrator's change applies without a restart.
  const policyFor = (lang?: Lang): Promise<PolicyState> =>
    deps.policy ? Promise.resolve(deps.policy) : loadPolicy({ lang: lang ?? 'en' });
  // The lockout count of the user's ledger file (core/probe/lockout-ledger.ts), unless injected.
  // Loaded on first use, as the keychain: a detect-only run starts without the ledger's modules.
  let guard: Promise<LockoutGuard> | undefined = deps.guard && Promise.resolve(deps.guard);
  const guardOnce = (): Promise<LockoutGuard> => {
    guard ??= Promise.all([import('./probe/lockout.js'), import('./probe/lockout-ledger.js')]).then(
      ([{ LockoutGuard }, { createFileLedger }]) => new LockoutGuard(createFileLedger()),
    );
    return guard;
  };
  // detect's latest answers, so that a test without servers uses what the person saw, trust included.
  const recent = new Map<string, { at: number; result: DetectResult }>();
  const recentDetection = (address: string): DetectResult | undefined => {
    const entry = recent.get(address);
    return entry && Date.now() - entry.at < RECENT_DETECTION_MS ? entry.result : undefined;
  };
  /** The policy a call runs under; an unusable one stops the call (policy-invalid). */
  const policyInForce = async (lang?: Lang): Promise<PolicyState> => {
    const state = await policyFor(lang);
    if (state.error) throw problemError(state.error);
    return state;
  };
  return {
    detect: async (request) => {
      const result = await detect(request, { ...deps, policy: await policyFor(request.lang) });
      if (!request.offline && result.found) recent.set(result.address, { at: Date.now(), result });
      return result;
    },
    test: async (request) => {
      const state = await policyInForce(request.lang);
      const { policy } = state;
      assertDomainAllowed(policy, parseAddress(request.address));
      const pins = [...(deps.trustedCertificates ?? []), ...(policy?.trustedCertificates ?? [])];
      const { testAccount } = await import('./account-test.js');
      return testAccount(request, {
        ...deps,
        guard: await guardOnce(),
        trustedCertificates: pins,
        policy: state,
        recentDetection,
      });
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
    keychainList: async () => (await keychainOnce()).list(),
    keychainSet: async (request) => (await keychainOnce()).set(request),
    keychainDelete: async (request) => (await keychainOnce()).delete(request),
    keychainRename: async (request) => (await keychainOnce()).rename(request),
    generatePassword: async (rules) => (await import('./secrets/generate.js')).generatePassword(rules),
    ratePassword: (request) => ratePassword(request),
    policy: (request) => policyFor(request?.lang),
    report: async (request) => {
      const policy = await policyFor(request.lang);
      return (await import('./report/build.js')).buildReport(request, {
        ...deps,
        guard: await guardOnce(),
        policy,
      });
    },
    renderReport: async (request) => {
      const policy = await policyFor(request.lang);
      return (await import('./report/render.js')).renderReport(request, { policy });
    },
    domainCheck: async (request) => (await import('./domain-check/index.js')).checkDomain(request, deps),
  };
}

export type { DetectRequest } from './detect.js';
export type { DomainCheck, DomainCheckRequest, DomainCheckResult, Verdict } from './domain-check/index.js';
export type { BridgeError, ErrorCode } from './errors.js';
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
export type { LockoutSummary } from './probe/lockout.js';
export type {
  DetectionSummary,
  ServerTestResult,
  TestLockout,
  TestProgress,
  TestRequest,
  TestResult,
} from './probe/test-run.js';
export type { ProbeStep } from './probe/types.js';
export type { RenderReportRequest } from './report/render.js';
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
