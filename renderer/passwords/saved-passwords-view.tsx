// "Saved passwords": what MailSetup Assistant keeps in the system's password store, listed by label and
// account, with rename and delete. Reached from the header at any time and from the last step; "Back
// to the set-up" returns to the step the person left. Results are announced in a live region.

import KeyRound from 'lucide-react/icons/key-round';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../components/error-box.js';
import { langOf } from '../i18n/index.js';
import { SavedPasswordItem } from './saved-password-item.js';
import { entryId, type PasswordOutcome, useSavedPasswords } from './use-saved-passwords.js';

function useOutcomeText(outcome: PasswordOutcome | undefined): string {
  const { t } = useTranslation();
  if (!outcome) return '';
  if (outcome.kind === 'renamed')
    return t(outcome.replaced ? 'passwords.renamedReplacing' : 'passwords.renamed', {
      from: outcome.from,
      label: outcome.label,
    });
  return t(outcome.deleted ? 'passwords.deleted' : 'passwords.notThere', {
    address: outcome.address,
    label: outcome.label,
  });
}

export function SavedPasswordsView({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { state, reload, rename, remove } = useSavedPasswords(langOf(i18n));
  const heading = useRef<HTMLHeadingElement>(null);
  const outcomeText = useOutcomeText(state.outcome);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // A deleted entry's buttons are gone with it: focus goes back to the heading, not to the page's end.
  const deletions = state.outcome?.kind === 'deleted' ? state.outcome : undefined;
  const renamed = state.outcome?.kind === 'renamed' ? state.outcome : undefined;
  useEffect(() => {
    if (deletions) heading.current?.focus();
  }, [deletions]);

  return (
    <section className="step saved-passwords" aria-labelledby="passwords-title" data-testid="passwords-view">
      <h2 id="passwords-title" className="step-title" tabIndex={-1} ref={heading}>
        {t('passwords.title')}
      </h2>
      <p className="step-intro">{t('passwords.intro')}</p>
      <div className="step-body">
        <div
          role="status"
          aria-live="polite"
          className="saved-passwords-status"
          data-testid="passwords-status"
        >
          {state.status === 'loading' ? <p className="muted">{t('passwords.loading')}</p> : null}
          {outcomeText ? <p>{outcomeText}</p> : null}
        </div>
        {state.status === 'failed' && state.error ? (
          <>
            <ErrorBox error={state.error.value} lang={state.error.lang} title={t('passwords.loadFailed')} />
            <div className="button-row">
              <button
                type="button"
                className="button secondary"
                onClick={() => void reload()}
                data-testid="passwords-retry"
              >
                {t('actions.retry')}
              </button>
            </div>
          </>
        ) : null}
        {state.status === 'ready' && state.entries.length === 0 ? (
          <p className="callout info" data-testid="passwords-empty">
            <KeyRound className="callout-icon" />
            <span className="callout-body">{t('passwords.empty')}</span>
          </p>
        ) : null}
        {state.entries.length > 0 ? (
          <ul
            className="saved-passwords-list"
            aria-label={t('passwords.listLabel')}
            data-testid="passwords-list"
          >
            {state.entries.map((entry) => (
              <SavedPasswordItem
                key={entryId(entry)}
                entry={entry}
                actions={{ rename, remove }}
                focusOnShow={renamed !== undefined && entryId(renamed) === entryId(entry)}
              />
            ))}
          </ul>
        ) : null}
      </div>
      <div className="step-actions">
        <button type="button" className="button secondary" onClick={onClose} data-testid="close-passwords">
          {t('passwords.close')}
        </button>
      </div>
    </section>
  );
}
