// Step 6: the password goes into the system's password store under its name (or is used for this
// session only where there is none), and the person picks the mail program and downloads its guide or
// set-up file, made by core's export. Only the programs and downloads the administrator's policy allows
// are offered; its helpdesk, when it names one, is shown here too.

import CircleCheck from 'lucide-react/icons/circle-check';
import Download from 'lucide-react/icons/download';
import Info from 'lucide-react/icons/info';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorOf } from '../api/client.js';
import type { BridgeError, ExportFormat, ExportResult } from '../api/types.js';
import { ErrorBox } from '../components/error-box.js';
import { NoticeList } from '../components/notice-list.js';
import { RadioGroup } from '../components/radio-group.js';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { SupportBox } from '../components/support-box.js';
import { langOf } from '../i18n/index.js';
import { deviceKind } from '../logic/device-label.js';
import { downloadFile } from '../logic/download.js';
import { offeredPrograms, type Program, type ProgramDownloads } from '../logic/policy.js';
import { useOpenPasswords } from '../passwords/passwords-context.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

function likelyProgram(): Program {
  const device = deviceKind();
  return device === 'mac' ? 'applemail' : device === 'windows' ? 'outlook' : 'thunderbird';
}

function SaveStatus({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const openPasswords = useOpenPasswords();
  const { save } = wizard.state;
  if (save.status === 'saving')
    return (
      <p className="muted" data-testid="save-status" data-state="saving">
        {t('finish.saving')}
      </p>
    );
  if (save.status === 'saved' && save.result)
    return (
      <div className="callout success" data-testid="save-status" data-state="saved">
        <CircleCheck className="callout-icon" />
        <div className="callout-body">
          <p>{t('finish.saved', { label: save.result.entry.label })}</p>
          {save.result.replaced ? <p>{t('finish.replaced', { label: save.result.entry.label })}</p> : null}
          {openPasswords ? (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={openPasswords}
                data-testid="finish-manage-passwords"
              >
                {t('passwords.manage')}
              </button>
            </p>
          ) : null}
        </div>
      </div>
    );
  if (save.status === 'failed' && save.error?.value.code === 'keychain-unavailable')
    return (
      <div className="callout info" data-testid="save-status" data-state="session-only">
        <Info className="callout-icon" />
        <div className="callout-body">
          <p className="callout-title">{t('finish.sessionOnly')}</p>
          <p lang={save.error.lang}>{save.error.value.message}</p>
          {save.error.value.fix ? <p lang={save.error.lang}>{save.error.value.fix}</p> : null}
        </div>
      </div>
    );
  if (save.status === 'failed' && save.error)
    return (
      <div data-testid="save-status" data-state="failed">
        <ErrorBox
          error={save.error.value}
          lang={save.error.lang}
          title={t('finish.saveFailed')}
          showSupport={false}
        />
        <button
          type="button"
          className="button secondary"
          onClick={() => void wizard.actions.savePassword()}
          data-testid="retry-save"
        >
          {t('actions.retry')}
        </button>
      </div>
    );
  return null;
}

export function FinishStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  /** What there is to download for a program, in words that match the buttons the policy leaves. */
  const programHint = ({ program, file, guide }: ProgramDownloads): string => {
    if (program === 'outlook' || (file && guide)) return t(`finish.programHints.${program}`);
    if (file) return t(`finish.fileOnlyHints.${program}`);
    return t('finish.guideOnlyHint');
  };
  const lang = langOf(i18n);
  const { state, actions } = wizard;
  const offered = offeredPrograms(usePolicy().policy);
  const [chosen, setProgram] = useState<Program>(likelyProgram);
  // The device's usual program unless the policy leaves it out; then the first one offered.
  const formats = offered.find((entry) => entry.program === chosen) ?? offered[0];
  const program = formats?.program;
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ result: ExportResult; lang: string } | undefined>();
  const [error, setError] = useState<{ value: BridgeError; lang: string } | undefined>();

  const exportAs = async (format: ExportFormat) => {
    if (!state.servers) return;
    // Exactly the servers the test proved (core chose them).
    const tested = state.test.result?.settings ?? [];
    const incoming = tested.find((server) => server.protocol !== 'smtp');
    const outgoing = tested.find((server) => server.protocol === 'smtp');
    if (!incoming || !outgoing) return;
    setBusy(true);
    setError(undefined);
    setExported(undefined);
    try {
      const provider = state.servers.origin === 'detected' ? state.search.result?.provider : undefined;
      const result = await call(
        'export',
        {
          account: {
            address: state.address.trim(),
            displayName: state.displayName.trim(),
            incoming,
            outgoing,
            ...(provider ? { provider } : {}),
            // The provider's hints become the guide's "Before you start" (core words them).
            ...(state.servers.origin === 'detected' ? { hints: state.search.result?.hints ?? [] } : {}),
          },
          format,
          lang,
        },
        { lang },
      );
      downloadFile(result.filename, result.mediaType, result.content);
      setExported({ result, lang });
    } catch (failure) {
      setError({ value: errorOf(failure), lang });
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepFrame
      id="finish"
      title={t('finish.title')}
      actions={
        <StepActions onBack={actions.back} backLabel={t('actions.back')}>
          <button type="button" className="button secondary" onClick={actions.restart} data-testid="restart">
            {t('finish.another')}
          </button>
        </StepActions>
      }
    >
      <div aria-live="polite">
        <SaveStatus wizard={wizard} />
      </div>
      {formats && program ? (
        <>
          <RadioGroup
            legend={t('finish.programLegend')}
            variant="cards"
            value={program}
            onChange={(value) => {
              setProgram(value);
              setExported(undefined);
              setError(undefined);
            }}
            options={offered.map((entry) => ({
              value: entry.program,
              label: t(`finish.programs.${entry.program}`),
              description: programHint(entry),
              testId: `program-${entry.program}`,
            }))}
          />
          <div className="button-row">
            {formats.file && (program === 'thunderbird' || program === 'applemail') ? (
              <button
                type="button"
                className="button primary"
                disabled={busy}
                onClick={() => void exportAs(formats.file!)}
                data-testid="export-file"
              >
                <Download className="inline-icon" />
                {t(`finish.file.${program}`)}
              </button>
            ) : null}
            {formats.guide ? (
              <button
                type="button"
                className={`button ${formats.file ? 'secondary' : 'primary'}`}
                disabled={busy}
                onClick={() => void exportAs(formats.guide!)}
                data-testid="export-guide"
              >
                <Download className="inline-icon" />
                {t('finish.guide')}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <p className="callout info" data-testid="no-exports">
          {t('policy.noExports')}
        </p>
      )}
      <div aria-live="polite" data-testid="export-status">
        {busy ? <p className="muted">{t('finish.preparing')}</p> : null}
        {exported ? <p>{t('finish.downloaded', { filename: exported.result.filename })}</p> : null}
      </div>
      {exported ? (
        <NoticeList
          notices={exported.result.warnings}
          kind="warning"
          title={t('settings.warnings')}
          lang={exported.lang}
        />
      ) : null}
      {error ? (
        <ErrorBox
          error={error.value}
          lang={error.lang}
          title={t('finish.exportFailed')}
          showSupport={false}
        />
      ) : null}
      <SupportBox />
    </StepFrame>
  );
}
