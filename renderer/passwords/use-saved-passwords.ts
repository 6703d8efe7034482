// The saved passwords as the "Saved passwords" view sees them: core's list (labels, accounts, dates,
// servers; never a password), and renaming and deleting through core's keychain API. What happened is
// kept as one outcome for the view's live region.

import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorOf } from '../api/client.js';
import type { BridgeError, Lang, SavedPassword } from '../api/types.js';
import type { Said } from '../wizard/use-wizard.js';

export type PasswordOutcome =
  | { kind: 'renamed'; address: string; from: string; label: string; replaced: boolean }
  | { kind: 'deleted'; address: string; label: string; deleted: boolean };

export interface SavedPasswordsState {
  status: 'loading' | 'ready' | 'failed';
  entries: SavedPassword[];
  error?: Said<BridgeError>;
  /** The last rename or delete that went through (for the live region). */
  outcome?: PasswordOutcome;
}

/** A rename or delete that failed: core's error in the language it was asked in. */
export type ActionResult = { ok: true } | { ok: false; error: Said<BridgeError> };

/** One entry's identity: address and label (the keychain's account). */
export function entryId(entry: Pick<SavedPassword, 'address' | 'label'>): string {
  return `${entry.address}\n${entry.label}`;
}

export function useSavedPasswords(lang: Lang) {
  const [state, setState] = useState<SavedPasswordsState>({ status: 'loading', entries: [] });
  const langRef = useRef(lang);
  langRef.current = lang;
  // The newest list request wins: a late answer of an earlier one is dropped.
  const loads = useRef(0);

  const reload = useCallback(async (outcome?: PasswordOutcome) => {
    const run = ++loads.current;
    const requestLang = langRef.current;
    try {
      const entries = await call('keychainList', undefined, { lang: requestLang });
      if (run !== loads.current) return;
      setState({ status: 'ready', entries, ...(outcome ? { outcome } : {}) });
    } catch (error) {
      if (run !== loads.current) return;
      setState((s) => ({
        ...s,
        status: 'failed',
        error: { value: errorOf(error), lang: requestLang },
        ...(outcome ? { outcome } : {}),
      }));
    }
  }, []);

  // Listing reads core's non-secret index only: harmless to repeat, so it may start on opening.
  useEffect(() => {
    void reload();
  }, [reload]);

  const rename = useCallback(
    async (entry: SavedPassword, newLabel: string, replace: boolean): Promise<ActionResult> => {
      const requestLang = langRef.current;
      try {
        const result = await call(
          'keychainRename',
          { address: entry.address, label: entry.label, newLabel, ...(replace ? { replace } : {}) },
          { lang: requestLang },
        );
        await reload({
          kind: 'renamed',
          address: result.entry.address,
          from: result.previousLabel,
          label: result.entry.label,
          replaced: result.replaced,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: { value: errorOf(error), lang: requestLang } };
      }
    },
    [reload],
  );

  const remove = useCallback(
    async (entry: SavedPassword): Promise<ActionResult> => {
      const requestLang = langRef.current;
      try {
        const result = await call(
          'keychainDelete',
          { address: entry.address, label: entry.label },
          { lang: requestLang },
        );
        await reload({ kind: 'deleted', ...result });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: { value: errorOf(error), lang: requestLang } };
      }
    },
    [reload],
  );

  return { state, reload, rename, remove };
}

export type SavedPasswords = ReturnType<typeof useSavedPasswords>;
