// The wizard's state and the actions that move it: one place that calls the API. Every call starts in
// an event handler (a click), never in an effect, so a re-render cannot repeat a login attempt.

import { useCallback, useRef, useState } from 'react';
import { BRIDGE_MISSING, call, errorOf, isAbort } from '../api/client.js';
import type {
  BridgeError,
  DetectProgress,
  DetectResult,
  IncomingProtocol,
  KeychainSetResult,
  Lang,
  Notice,
  ProbeStep,
  ServerSettings,
  TestProgress,
  TestResult,
} from '../api/types.js';
import {
  type ChosenServers,
  preferredProtocol,
  type ServerHeading,
  serverKey,
  serversFromDetect,
} from '../logic/servers.js';

export const STEPS = ['address', 'settings', 'type', 'password', 'test', 'finish'] as const;
export type StepId = (typeof STEPS)[number];

/** Core's words come in the language of the request; `lang` marks them for screen readers. */
export interface Said<T> {
  value: T;
  lang: Lang;
}

export interface SearchState {
  status: 'idle' | 'running' | 'done' | 'failed';
  events: DetectProgress[];
  result?: DetectResult;
  error?: Said<BridgeError>;
  lang: Lang;
}

export interface TestRunState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** The servers core is testing, as their first progress event names them (core chooses them). */
  servers: ServerHeading[];
  /** Progress steps per server (serverKey), in arrival order. */
  steps: Record<string, ProbeStep[]>;
  result?: TestResult;
  error?: Said<BridgeError>;
  lang: Lang;
}

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'failed';
  result?: KeychainSetResult;
  error?: Said<BridgeError>;
}

export interface WizardState {
  step: StepId;
  address: string;
  displayName: string;
  /** The quick address check before searching is running. */
  checking: boolean;
  addressError?: Said<BridgeError>;
  typo?: Said<Notice>;
  search: SearchState;
  servers?: ChosenServers;
  untrustedConfirmed: boolean;
  protocol: IncomingProtocol;
  pop3Confirmed: boolean;
  password: string;
  label: string;
  /** The person confirmed one more login despite the lockout guard. */
  forceConfirmed: boolean;
  test: TestRunState;
  save: SaveState;
}

function initialState(lang: Lang): WizardState {
  return {
    step: 'address',
    address: '',
    displayName: '',
    checking: false,
    search: { status: 'idle', events: [], lang },
    untrustedConfirmed: false,
    protocol: 'imap',
    pop3Confirmed: false,
    password: '',
    label: '',
    forceConfirmed: false,
    test: { status: 'idle', servers: [], steps: {}, lang },
    save: { status: 'idle' },
  };
}

const PREVIOUS: Readonly<Record<StepId, StepId>> = {
  address: 'address',
  settings: 'address',
  type: 'settings',
  password: 'type',
  test: 'password',
  finish: 'test',
};

export function useWizard(lang: Lang) {
  const [state, setState] = useState<WizardState>(() => initialState(lang));
  const langRef = useRef(lang);
  langRef.current = lang;
  const search = useRef<AbortController | undefined>(undefined);
  const testRun = useRef(0);
  // Handlers read the newest state without re-creating every callback on each keystroke.
  const stateRef = useRef(state);
  stateRef.current = state;

  const patch = useCallback((changes: Partial<WizardState>) => setState((s) => ({ ...s, ...changes })), []);

  const startSearch = useCallback(async (address: string) => {
    search.current?.abort();
    const controller = new AbortController();
    search.current = controller;
    const requestLang = langRef.current;
    setState((s) => ({
      ...s,
      step: 'settings',
      search: { status: 'running', events: [], lang: requestLang },
      servers: undefined,
      untrustedConfirmed: false,
      forceConfirmed: false,
      test: { status: 'idle', servers: [], steps: {}, lang: requestLang },
    }));
    try {
      const result = await call(
        'detect',
        { address },
        {
          lang: requestLang,
          signal: controller.signal,
          onProgress: (event) =>
            setState((s) => ({ ...s, search: { ...s.search, events: [...s.search.events, event] } })),
        },
      );
      const servers = serversFromDetect(result);
      setState((s) => ({
        ...s,
        search: { ...s.search, status: 'done', result },
        servers,
        protocol: servers ? preferredProtocol(servers) : 'imap',
        pop3Confirmed: false,
      }));
    } catch (error) {
      if (isAbort(error)) return;
      const value = errorOf(error);
      if (value.code === 'invalid-address') {
        setState((s) => ({
          ...s,
          step: 'address',
          addressError: { value, lang: requestLang },
          search: { ...s.search, status: 'idle' },
        }));
        return;
      }
      setState((s) => ({
        ...s,
        search: { ...s.search, status: 'failed', error: { value, lang: requestLang } },
      }));
    }
  }, []);

  /** Step 1's Next: core's quick offline check (address syntax, typo hint), then the real search. */
  const submitAddress = useCallback(async () => {
    const { address, typo } = stateRef.current;
    const requestLang = langRef.current;
    // The typo hint was shown for this very address (editing clears it): the person keeps the address.
    if (typo) {
      patch({ typo: undefined });
      await startSearch(address.trim());
      return;
    }
    patch({ checking: true, addressError: undefined, typo: undefined });
    let suggestion: Notice | undefined;
    try {
      const quick = await call('detect', { address: address.trim(), offline: true }, { lang: requestLang });
      suggestion = quick.hints.find((hint) => hint.code === 'possible-typo' && hint.detail);
    } catch (error) {
      const value = errorOf(error);
      if (value.code === 'invalid-address' || value.code === BRIDGE_MISSING) {
        patch({ checking: false, addressError: { value, lang: requestLang } });
        return;
      }
      // Anything else will show again, in context, when the search runs.
    }
    patch({ checking: false });
    if (suggestion) {
      patch({ typo: { value: suggestion, lang: requestLang } });
      return;
    }
    await startSearch(address.trim());
  }, [patch, startSearch]);

  const acceptSuggestion = useCallback(() => {
    const suggestion = stateRef.current.typo?.value.detail;
    if (suggestion) patch({ address: suggestion, typo: undefined, addressError: undefined });
  }, [patch]);

  const setAddress = useCallback(
    (address: string) => patch({ address, addressError: undefined, typo: undefined }),
    [patch],
  );

  const cancelSearch = useCallback(() => {
    search.current?.abort();
    setState((s) => ({ ...s, step: 'address', search: { ...s.search, status: 'idle', events: [] } }));
  }, []);

  const retrySearch = useCallback(() => startSearch(stateRef.current.address.trim()), [startSearch]);

  const applyManual = useCallback(
    (servers: ChosenServers) =>
      patch({
        servers,
        protocol: preferredProtocol(servers),
        pop3Confirmed: false,
        untrustedConfirmed: false,
      }),
    [patch],
  );

  const goTo = useCallback((step: StepId) => patch({ step }), [patch]);
  const back = useCallback(() => setState((s) => ({ ...s, step: PREVIOUS[s.step] })), []);

  const startTest = useCallback(async () => {
    const current = stateRef.current;
    const chosen = current.servers;
    if (!chosen) return;
    const run = ++testRun.current;
    const requestLang = langRef.current;
    const force = current.forceConfirmed;
    setState((s) => ({
      ...s,
      step: 'test',
      forceConfirmed: false,
      test: { status: 'running', servers: [], steps: {}, lang: requestLang },
      save: { status: 'idle' },
    }));
    const onProgress = (event: TestProgress) => {
      if (run !== testRun.current) return;
      const key = serverKey(event);
      const { protocol, host, port, security } = event;
      setState((s) => ({
        ...s,
        test: {
          ...s.test,
          servers: s.test.servers.some((server) => serverKey(server) === key)
            ? s.test.servers
            : [...s.test.servers, { protocol, host, port, security }],
          steps: { ...s.test.steps, [key]: [...(s.test.steps[key] ?? []), event.step] },
        },
      }));
    };
    // Detected settings: core tests its choice for the person's protocol and judges their trust
    // itself; the person's own servers go as they typed them (they vouch for them).
    const which =
      chosen.origin === 'detected'
        ? { protocol: current.protocol, acceptUntrusted: current.untrustedConfirmed }
        : { servers: typedServers(chosen, current.protocol) };
    try {
      const result = await call(
        'test',
        {
          address: current.address.trim(),
          password: current.password,
          ...which,
          ...(force ? { force } : {}),
        },
        { lang: requestLang, onProgress },
      );
      if (run !== testRun.current) return;
      setState((s) => ({ ...s, test: { ...s.test, status: 'done', result } }));
    } catch (error) {
      if (run !== testRun.current) return;
      const value = errorOf(error);
      setState((s) => ({ ...s, test: { ...s.test, status: 'failed', error: { value, lang: requestLang } } }));
    }
  }, []);

  const savePassword = useCallback(async () => {
    const { address, label, password, test } = stateRef.current;
    const requestLang = langRef.current;
    patch({ step: 'finish', save: { status: 'saving' } });
    try {
      const hosts = [...new Set((test.result?.settings ?? []).map((server) => server.host))];
      const result = await call(
        'keychainSet',
        { address: address.trim(), label: label.trim(), password, hosts },
        { lang: requestLang },
      );
      patch({ save: { status: 'saved', result } });
    } catch (error) {
      patch({ save: { status: 'failed', error: { value: errorOf(error), lang: requestLang } } });
    }
  }, [patch]);

  const restart = useCallback(() => {
    search.current?.abort();
    testRun.current++;
    // The password goes with the rest: nothing of this account stays in memory.
    setState(initialState(langRef.current));
  }, []);

  return {
    state,
    actions: {
      patch,
      setAddress,
      submitAddress,
      acceptSuggestion,
      cancelSearch,
      retrySearch,
      applyManual,
      goTo,
      back,
      startTest,
      savePassword,
      restart,
    },
  };
}

export type Wizard = ReturnType<typeof useWizard>;

/** The servers the person typed, for the protocol they chose (the form keeps one of each). */
function typedServers(servers: ChosenServers, protocol: IncomingProtocol): ServerSettings[] {
  return [servers[protocol], servers.smtp].filter((server) => server !== undefined);
}
