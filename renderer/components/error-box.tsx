// A failure in plain words: core's message, what to do (core's fix), the technical detail on demand,
// and, when the administrator's policy names a helpdesk, how to reach it.

import TriangleAlert from 'lucide-react/icons/triangle-alert';
import { useTranslation } from 'react-i18next';
import { BRIDGE_MISSING } from '../api/client.js';
import { SupportLine } from './support-box.js';

interface ErrorBoxProps {
  error: { code: string; message?: string; fix?: string; detail?: string };
  /** The language core wrote the message in. */
  lang?: string;
  /** Our own headline above core's message (e.g. "The search did not finish."). */
  title?: string;
  testId?: string;
  /** False where the technical detail is shown elsewhere (the test's server details). */
  showDetail?: boolean;
  /** False where the screen says how to reach the helpdesk once for several errors. */
  showSupport?: boolean;
}

export function ErrorBox({
  error,
  lang,
  title,
  testId,
  showDetail = true,
  showSupport = true,
}: ErrorBoxProps) {
  const { t } = useTranslation();
  const message =
    error.code === BRIDGE_MISSING ? t('errors.bridgeMissing') : error.message || t('errors.unexpected');
  return (
    <div className="callout danger" role="alert" data-testid={testId} data-code={error.code}>
      <TriangleAlert className="callout-icon" />
      <div className="callout-body">
        {title ? <p className="callout-title">{title}</p> : null}
        <p lang={lang}>{message}</p>
        {error.fix ? (
          <p lang={lang}>
            <strong>{t('errors.whatToDo')}</strong> {error.fix}
          </p>
        ) : null}
        {showDetail && error.detail ? (
          <details className="disclosure">
            <summary>{t('errors.technical')}</summary>
            <p className="mono">{error.detail}</p>
          </details>
        ) : null}
        {showSupport ? <SupportLine /> : null}
      </div>
    </div>
  );
}
