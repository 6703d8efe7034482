// The renderer's test bench: a typed fake `window.mailsetup` that answers through core's own bridge
// code (callApi: real envelopes, real localized errors, progress tagged with the request id), the app
// rendered in jsdom, the steps walked through as a person would, and axe-core on what is shown.

import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, expect } from 'vitest';
import {
  API_METHODS,
  type DetectResult,
  type MailSetupApi,
  type ServerSettings,
  type TestRequest,
  type TestResult,
} from '../../../core/api.js';
import { type ApiMethod, type BridgedApi, callApi, type ProgressMessage } from '../../../core/bridge.js';
import { t } from '../../../core/messages/index.js';
import type { Lang } from '../../../core/model.js';
import { serversToTest } from '../../../core/probe/choose-servers.js';
import { renderReport } from '../../../core/report/render.js';
import { App } from '../../../renderer/app.js';
import { createI18n } from '../../../renderer/i18n/index.js';
import { ADDRESS, bundledResult, PASSWORD, passed, testResult } from './fixtures.js';

export interface Call {
  method: ApiMethod;
  request: Record<string, unknown>;
  requestId: string | undefined;
}

export interface FakeBridge extends BridgedApi {
  calls: Call[];
  /** The requests one method received, in order. */
  requestsOf(method: ApiMethod): Record<string, unknown>[];
  /** Sends a progress message to every listener, as the preload script would. */
  emit(message: ProgressMessage): void;
}

function langOf(request: { lang?: Lang } | undefined): Lang {
  return request?.lang ?? 'en';
}

/** A test request as the fake sees it: with the servers core would have chosen (see createFakeBridge). */
export type FakeTestRequest = TestRequest & { servers: readonly ServerSettings[] };
export type FakeApi = Omit<MailSetupApi, 'test'> & { test(request: FakeTestRequest): Promise<TestResult> };

/** What a provider with bundled settings and a working password would answer. */
export function defaultApi(): FakeApi {
  return {
    async detect(request) {
      if (!request.offline) {
        request.onProgress?.({ source: 'bundled', target: 'example.com', state: 'started' });
        request.onProgress?.({ source: 'bundled', target: 'example.com', state: 'found' });
      }
      return bundledResult(langOf(request));
    },
    async test(request) {
      for (const server of request.servers) {
        for (const step of ['dns', 'connect', 'tls', 'greeting', 'capabilities', 'auth', 'logout'] as const) {
          const { protocol, host, port, security } = server;
          request.onProgress?.({ protocol, host, port, security, step });
        }
      }
      return testResult(request.servers.map(passed));
    },
    async export(request) {
      const names = {
        thunderbird: ['config-v1.1.xml', 'text/xml; charset=utf-8'],
        mobileconfig: ['example.com.mobileconfig', 'application/x-apple-aspen-config'],
        autodiscover: ['autodiscover.xml', 'text/xml; charset=utf-8'],
        'guide-outlook': ['outlook-guide.html', 'text/html; charset=utf-8'],
        'guide-thunderbird': ['thunderbird-guide.html', 'text/html; charset=utf-8'],
        'guide-applemail': ['apple-mail-guide.html', 'text/html; charset=utf-8'],
      } as const;
      const [filename, mediaType] = names[request.format];
      return {
        filename,
        mediaType,
        content: `<export format="${request.format}"/>`,
        warnings: [],
        hints: [],
      };
    },
    async keychainList() {
      return [];
    },
    async keychainSet(request) {
      const time = '2025-06-01T10:00:00.000Z';
      return {
        entry: {
          address: request.address,
          label: request.label ?? 'default',
          created: time,
          updated: time,
          hosts: request.hosts ?? [],
        },
        replaced: false,
      };
    },
    async keychainDelete(request) {
      return { address: request.address, label: request.label ?? 'default', deleted: true };
    },
    async keychainRename() {
      throw new Error('not used unless a test brings its own saved passwords');
    },
    async generatePassword() {
      return 'Gen3rated#Passw0rd-XYZ';
    },
    async ratePassword(request) {
      const lang = langOf(request);
      const weak = request.password.length < 12;
      return {
        score: weak ? 1 : 4,
        weak,
        reasons: weak
          ? [{ code: 'too-short', message: t(lang, 'secrets.strength.too-short', { min: 12 }) }]
          : [],
        suggestions: [],
      };
    },
    async policy() {
      return {};
    },
    async report() {
      throw new Error('the wizard has core write its report from the results on screen (renderReport)');
    },
    // Core's own writer: the report the app would copy.
    renderReport: (request) => renderReport(request),
    async domainCheck() {
      throw new Error('not used by the wizard');
    },
  };
}

export function createFakeBridge(overrides: Partial<FakeApi> = {}): FakeBridge {
  const fake: FakeApi = { ...defaultApi(), ...overrides };
  // Like core's API: a test without servers uses core's own choice from the detection the page saw.
  let seen: DetectResult | undefined;
  const api: MailSetupApi = {
    ...fake,
    detect: async (request) => {
      const result = await fake.detect(request);
      if (!request.offline) seen = result;
      return result;
    },
    test: (request) =>
      fake.test({
        ...request,
        servers: request.servers ?? (seen ? serversToTest(seen, { protocol: request.protocol }) : []),
      }),
  };
  const listeners = new Set<(message: ProgressMessage) => void>();
  const calls: Call[] = [];
  const emit = (message: ProgressMessage) => {
    for (const listener of listeners) listener(message);
  };
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      (request: unknown, requestId?: string) => {
        // A copy, as the IPC's structured clone would make: nothing shared with the renderer's state.
        calls.push({
          method,
          request: structuredClone((request ?? {}) as Record<string, unknown>),
          requestId,
        });
        return callApi(api, API_METHODS, method, request, { ...(requestId ? { requestId } : {}), emit });
      },
    ]),
  ) as unknown as Omit<BridgedApi, 'onProgress'>;
  return {
    ...methods,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    calls,
    requestsOf: (method) => calls.filter((call) => call.method === method).map((call) => call.request),
    emit,
  };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  cleanup();
  delete window.mailsetup;
});

export function renderApp(bridge: FakeBridge = createFakeBridge(), lang: Lang = 'en') {
  window.mailsetup = bridge;
  const user = userEvent.setup();
  const view = render(<App i18n={createI18n(lang)} />);
  return { user, bridge, ...view };
}

type User = ReturnType<typeof userEvent.setup>;

export async function submitAddress(user: User, address = ADDRESS): Promise<void> {
  await user.type(screen.getByTestId('address-input'), address);
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-settings');
}

export async function toSettingsResult(user: User): Promise<void> {
  await submitAddress(user);
  await screen.findByTestId('result-card');
}

export async function toType(user: User): Promise<void> {
  await toSettingsResult(user);
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-type');
}

export async function toPassword(user: User): Promise<void> {
  await toType(user);
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-password');
}

export async function toTest(user: User, password = PASSWORD): Promise<void> {
  await toPassword(user);
  await user.type(screen.getByTestId('password-input'), password);
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-test');
}

export async function toFinish(user: User): Promise<void> {
  await toTest(user);
  await screen.findByTestId('test-summary');
  await user.click(screen.getByTestId('next'));
  await screen.findByTestId('step-finish');
}

/** axe-core on what is shown: no serious or critical violation. Contrast is Chromium's to judge. */
export async function expectAccessible(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}
