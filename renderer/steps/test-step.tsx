// Step 5: the connection test, live per server and phase, with core's words for every failure and what
// to do next: a password problem goes back to the password, anything else may be tested again or the
// settings changed (unless the administrator's policy locks them). A failure names the helpdesk once,
// when the policy brands the app.

import CircleCheck from 'lucide-react/icons/circle-check';
import TriangleAlert from 'lucide-react/icons/triangle-alert';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { ErrorBox } from '../components/error-box.js';
import { ReportButton } from '../components/report-button.js';
import { ServerChecklist } from '../components/server-checklist.js';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { SupportLine } from '../components/support-box.js';
import { serverKey } from '../logic/servers.js';
import { isSignInProblem } from '../logic/test-outcome.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

export function TestStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, actions } = wizard;
  const run = state.test;
  const result = run.result;
  const running = run.status === 'running';
  const signInProblem = result?.results.some(isSignInProblem) ?? false;
  const lockoutGuard = result?.results.some((server) => server.error?.reason === 'lockout-guard') ?? false;

  // "Copy report": core writes it from what is on screen (the same writer as `mailsetup report`);
  // nothing is tested again.
  const report = async (): Promise<string> => {
    const detected = state.servers?.origin === 'detected';
    const { text } = await call(
      'renderReport',
      {
        address: state.address.trim(),
        servers: detected ? 'detected' : 'given',
        detection: detected ? (state.search.result ?? null) : null,
        login: result?.error?.code === 'untrusted-settings' ? 'untrusted-settings' : 'tested',
        results: result?.results ?? [],
        ...(result?.error ? { error: result.error } : {}),
        elapsedMs: result?.elapsedMs ?? 0,
        // Only for core to cut out should a server have repeated it; never written.
        password: state.password,
      },
      { lang: run.lang },
    );
    return text;
  };

  const locked = usePolicy().policy?.lockSettings === true;
  const changeSettings = locked ? null : (
    <button
      type="button"
      className="button secondary"
      onClick={() => actions.goTo('settings')}
      data-testid="change-settings"
    >
      {t('test.changeSettings')}
    </button>
  );
  let actionsRow = <StepActions />;
  if (run.status === 'failed')
    actionsRow = <StepActions onBack={actions.back} backLabel={t('actions.back')} />;
  if (result?.ok)
    actionsRow = (
      <StepActions
        onBack={actions.back}
        backLabel={t('actions.back')}
        nextLabel={t('test.next')}
        onNext={() => void actions.savePassword()}
      />
    );
  else if (result && (signInProblem || lockoutGuard))
    actionsRow = (
      <StepActions
        onBack={actions.back}
        backLabel={t('actions.back')}
        nextLabel={t('test.checkPassword')}
        onNext={() => actions.goTo('password')}
      >
        {changeSettings}
      </StepActions>
    );
  else if (result)
    actionsRow = (
      <StepActions
        onBack={actions.back}
        backLabel={t('actions.back')}
        nextLabel={t('test.testAgain')}
        onNext={() => void actions.startTest()}
      >
        {changeSettings}
      </StepActions>
    );

  return (
    <StepFrame id="test" title={running ? t('test.title') : t('test.resultTitle')} actions={actionsRow}>
      <div className="sr-only" aria-live="polite" data-testid="test-status">
        {running ? t('test.running') : result ? (result.ok ? t('test.passed') : t('test.failed')) : ''}
      </div>
      {result ? (
        <div
          className={`callout ${result.ok ? 'success' : 'danger'}`}
          data-testid="test-summary"
          data-ok={result.ok}
        >
          {result.ok ? <CircleCheck className="callout-icon" /> : <TriangleAlert className="callout-icon" />}
          <div className="callout-body">
            <p className="callout-title">{result.ok ? t('test.passed') : t('test.failed')}</p>
            {result.ok ? null : <SupportLine />}
          </div>
        </div>
      ) : null}
      {run.status === 'failed' && run.error ? (
        <ErrorBox error={run.error.value} lang={run.error.lang} />
      ) : null}
      {result?.error ? <ErrorBox error={result.error} lang={run.lang} /> : null}
      <div className="server-cards">
        {result
          ? result.results.map((server) => (
              <ServerChecklist
                key={serverKey(server)}
                server={server}
                steps={[]}
                result={server}
                lang={run.lang}
              />
            ))
          : run.servers.map((server) => (
              <ServerChecklist
                key={serverKey(server)}
                server={server}
                steps={run.steps[serverKey(server)] ?? []}
                lang={run.lang}
              />
            ))}
      </div>
      {result ? <ReportButton report={report} /> : null}
    </StepFrame>
  );
}
