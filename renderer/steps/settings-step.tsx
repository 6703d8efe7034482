// Step 2: finding the settings (live, per source, cancellable), then the result as a card with its
// warnings and hints. Settings the mail domain does not stand behind need an explicit "this is right".
// "Change settings" opens the manual form, unless the administrator's policy locks the settings: then
// they are shown, said to be fixed, and never typed or changed here.

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckBox } from '../components/check-box.js';
import { ErrorBox } from '../components/error-box.js';
import { ManualSettingsForm } from '../components/manual-settings-form.js';
import { NoticeList } from '../components/notice-list.js';
import { ResultCard } from '../components/result-card.js';
import { SourceProgress } from '../components/source-progress.js';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { SupportBox } from '../components/support-box.js';
import { bothForms } from '../logic/name-forms.js';
import { allowedProtocols } from '../logic/policy.js';
import { rowsFromLookups, rowsFromProgress } from '../logic/source-progress.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

function domainOf(address: string): string {
  return address.trim().split('@').pop() ?? '';
}

export function SettingsStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, actions } = wizard;
  const { search, servers } = state;
  const result = search.result;
  const domain = result ? bothForms(result.domain, result.domainUnicode) : domainOf(state.address);
  const [editing, setEditing] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const confirmBox = useRef<HTMLInputElement>(null);
  const { policy } = usePolicy();
  const locked = policy?.lockSettings === true;

  const running = search.status === 'running';
  const rows = result ? rowsFromLookups(result.lookups) : rowsFromProgress(search.events);
  const latest = rows.at(-1);
  const needsConfirmation = servers?.origin === 'detected' && result?.trusted === false;
  const finished = search.status === 'done' || search.status === 'failed';
  // Nothing usable found, or the search failed: the person can enter the servers by hand, unless the
  // administrator has fixed them.
  const formOpen = !locked && finished && (editing || !servers);
  const lockedWithout = locked && finished && !servers;

  const next = () => {
    if (!servers) return;
    if (needsConfirmation && !state.untrustedConfirmed) {
      setConfirmMissing(true);
      confirmBox.current?.focus();
      return;
    }
    actions.goTo('type');
  };

  let announcement = '';
  if (running)
    announcement = latest ? `${t(`sources.${latest.source}`)}: ${t(`sourceStates.${latest.state}`)}` : '';
  else if (search.status === 'done')
    announcement = result?.found ? t('settings.foundAnnouncement') : t('settings.notFoundTitle', { domain });

  const actionsRow = running ? (
    <StepActions>
      <button
        type="button"
        className="button secondary"
        onClick={actions.cancelSearch}
        data-testid="cancel-search"
      >
        {t('settings.cancel')}
      </button>
    </StepActions>
  ) : (
    <StepActions
      onBack={actions.back}
      backLabel={t('actions.back')}
      nextLabel={servers && !formOpen ? t('actions.next') : undefined}
      onNext={next}
    >
      {search.status === 'failed' ? (
        <button
          type="button"
          className="button secondary"
          onClick={actions.retrySearch}
          data-testid="search-again"
        >
          {t('settings.searchAgain')}
        </button>
      ) : null}
      {servers && !formOpen && !locked ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => setEditing(true)}
          data-testid="change-settings"
        >
          {t('settings.change')}
        </button>
      ) : null}
    </StepActions>
  );

  const warnings = result ? (
    <NoticeList
      notices={result.warnings}
      kind="warning"
      title={t('settings.warnings')}
      lang={search.lang}
      testId="result-warnings"
    />
  ) : null;

  return (
    <StepFrame
      id="settings"
      title={running ? t('settings.title') : result?.found ? t('settings.resultTitle') : t('steps.settings')}
      intro={running ? t('settings.searching', { domain }) : undefined}
      actions={actionsRow}
    >
      <div className="sr-only" aria-live="polite" data-testid="settings-status">
        {announcement}
      </div>
      {search.status === 'failed' && search.error ? (
        <ErrorBox
          error={search.error.value}
          lang={search.error.lang}
          title={t('settings.failedTitle')}
          testId="search-error"
        />
      ) : null}
      {running ? <SourceProgress rows={rows} /> : null}
      {search.status === 'done' && !result?.found ? (
        <div className="callout info" data-testid="not-found">
          <div className="callout-body">
            <p className="callout-title">{t('settings.notFoundTitle', { domain })}</p>
            {locked ? null : <p>{t('settings.notFoundText')}</p>}
          </div>
        </div>
      ) : null}
      {/* What concerns the address itself (a domain imitating another) matters before manual entry too. */}
      {search.status === 'done' && result && !result.found ? warnings : null}
      {search.status === 'done' && result?.found && !servers && !locked ? (
        <p className="callout info" data-testid="incomplete">
          {t('settings.incomplete')}
        </p>
      ) : null}
      {lockedWithout ? (
        <>
          <p className="callout warning" data-testid="settings-locked">
            {t('policy.lockedMissing')}
          </p>
          {/* A failed search's error box names the helpdesk already. */}
          {search.status === 'done' ? <SupportBox /> : null}
        </>
      ) : null}
      {formOpen ? (
        <ManualSettingsForm
          address={state.address.trim()}
          initial={servers}
          initialProtocol={state.protocol}
          protocols={allowedProtocols(policy)}
          onSave={(chosen) => {
            actions.applyManual(chosen);
            setEditing(false);
          }}
          onCancel={servers ? () => setEditing(false) : undefined}
        />
      ) : null}
      {servers && !formOpen ? (
        <>
          <ResultCard servers={servers} {...(result ? { detect: result } : {})} domain={domain} />
          {locked ? (
            <p className="callout info" data-testid="settings-locked">
              {t('policy.locked')}
            </p>
          ) : null}
          {servers.origin === 'detected' && result ? (
            <>
              {warnings}
              <NoticeList
                notices={result.hints}
                kind="hint"
                title={t('settings.hints')}
                lang={search.lang}
                testId="result-hints"
              />
            </>
          ) : null}
          {needsConfirmation ? (
            <div className="callout warning confirm" data-testid="untrusted-confirmation">
              <div className="callout-body">
                <p>{t('settings.confirmUntrustedHint')}</p>
                <CheckBox
                  label={t('settings.confirmUntrusted')}
                  checked={state.untrustedConfirmed}
                  onChange={(checked) => {
                    actions.patch({ untrustedConfirmed: checked });
                    if (checked) setConfirmMissing(false);
                  }}
                  error={confirmMissing ? t('settings.confirmUntrustedMissing') : undefined}
                  testId="confirm-untrusted"
                  inputRef={confirmBox}
                />
              </div>
            </div>
          ) : null}
          {result ? (
            <details className="disclosure">
              <summary>{t('settings.progressLabel')}</summary>
              <SourceProgress rows={rows} />
            </details>
          ) : null}
        </>
      ) : null}
    </StepFrame>
  );
}
