// THE application API. electron/ipc.ts, cli/ and the e2e host adapt this one object; the renderer
// sees it only as types. Every method takes plain data and returns plain data.

import { type DetectDeps, type DetectRequest, detect } from './detect.js';
import type { ExportDeps, ExportRequest, ExportResult } from './export/index.js';
import type { DetectResult } from './model.js';
import { runConnectionTest, type TestDeps, type TestRequest, type TestResult } from './probe/test-run.js';

export interface MailSetupApi {
  /** Finds the best settings for an address. Throws MailSetupError('invalid-address') for bad input. */
  detect(request: DetectRequest): Promise<DetectResult>;
  /** Proves settings: TLS and one login per server, all at once. Failures are results, not throws. */
  test(request: TestRequest): Promise<TestResult>;
  /** Makes a set-up file or guide for one account. Throws MailSetupError('invalid-address') for bad input. */
  export(request: ExportRequest): Promise<ExportResult>;
}

/** Method names, checked against the interface: preload and ipc iterate this, nothing else. */
export const API_METHODS = ['detect', 'test', 'export'] as const satisfies readonly (keyof MailSetupApi)[];

export function createApi(deps: DetectDeps & TestDeps & ExportDeps = {}): MailSetupApi {
  return {
    detect: (request) => detect(request, deps),
    test: (request) => runConnectionTest(request, deps),
    // Loaded on first use: detect-only runs start without the export writers.
    export: async (request) => (await import('./export/index.js')).exportAccount(request, deps),
  };
}

export type { DetectRequest } from './detect.js';
export type { ExportAccount, ExportFormat, ExportRequest, ExportResult } from './export/index.js';
export type * from './model.js';
export type { ServerTestResult, TestProgress, TestRequest, TestResult } from './probe/test-run.js';
