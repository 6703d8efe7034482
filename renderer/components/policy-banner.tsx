// An administrator's policy file that cannot be used: core's message (naming the file), each field and
// why, and core's fix. Shown above every step; the wizard sets nothing up until the file is fixed.

import ShieldAlert from 'lucide-react/icons/shield-alert';
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../api/types.js';
import type { Said } from '../wizard/use-wizard.js';

export function PolicyBanner({ problem }: { problem: Said<PolicyProblem> }) {
  const { t } = useTranslation();
  const { value, lang } = problem;
  return (
    <div
      className="callout danger policy-banner"
      role="alert"
      data-testid="policy-banner"
      data-code={value.code}
    >
      <ShieldAlert className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{t('policy.bannerTitle')}</p>
        <p lang={lang}>{value.message}</p>
        {value.file && !value.message.includes(value.file) ? (
          <p>
            {t('policy.file')} <span className="mono">{value.file}</span>
          </p>
        ) : null}
        {value.issues.length > 0 ? (
          <ul className="policy-issues" aria-label={t('policy.issues')}>
            {value.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`} data-testid="policy-issue" data-path={issue.path}>
                <span className="mono">{issue.path || t('policy.wholeFile')}</span>:{' '}
                <span lang={lang}>{issue.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {value.fix ? (
          <p lang={lang}>
            <strong>{t('errors.whatToDo')}</strong> {value.fix}
          </p>
        ) : null}
      </div>
    </div>
  );
}
