// The administrator's policy as the wizard sees it: asked from core once at start and again when the
// language changes (only for the problem's wording), shared through a context. Unlike the wizard's
// other calls this one runs from an effect: it reads a file and changes nothing, so a repeat is harmless.

import { createContext, useContext, useEffect, useState } from 'react';
import { call } from '../api/client.js';
import type { Lang, Policy, PolicyProblem } from '../api/types.js';
import type { Said } from './use-wizard.js';

export interface PolicyView {
  /** `failed`: the call itself failed (no bridge, a bug); core still enforces the policy on every call. */
  status: 'loading' | 'ready' | 'failed';
  /** The policy in force, if any. */
  policy?: Policy;
  /** A policy file exists but cannot be used: nothing may be set up until it is fixed. */
  problem?: Said<PolicyProblem>;
}

export function usePolicyState(lang: Lang): PolicyView {
  const [view, setView] = useState<PolicyView>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    call('policy', {}, { lang })
      .then((state) => {
        if (!current) return;
        setView({
          status: 'ready',
          ...(state.policy ? { policy: state.policy } : {}),
          ...(state.error ? { problem: { value: state.error, lang } } : {}),
        });
      })
      .catch(() => {
        // Keep what was known (a language switch must not drop a policy in force).
        if (current) setView((previous) => ({ ...previous, status: 'failed' }));
      });
    return () => {
      current = false;
    };
  }, [lang]);
  return view;
}

export const PolicyContext = createContext<PolicyView>({ status: 'loading' });

export function usePolicy(): PolicyView {
  return useContext(PolicyContext);
}
