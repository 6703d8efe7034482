// THE application API. electron/ipc.ts, cli/ and the e2e host adapt this one object; the renderer
// sees it only as types. Every method takes plain data and returns plain data.

import { type DetectDeps, type DetectRequest, detect } from './detect.js';
import type { DetectResult } from './model.js';

export interface MailSetupApi {
  /** Finds the best settings for an address. Throws MailSetupError('invalid-address') for bad input. */
  detect(request: DetectRequest): Promise<DetectResult>;
}

/** Method names, checked against the interface: preload and ipc iterate this, nothing else. */
export const API_METHODS = ['detect'] as const satisfies readonly (keyof MailSetupApi)[];

export function createApi(deps: DetectDeps = {}): MailSetupApi {
  return {
    detect: (request) => detect(request, deps),
  };
}

export type { DetectRequest } from './detect.js';
export type * from './model.js';
