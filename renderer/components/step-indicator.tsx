// Where the person is in the flow: six numbered steps, the current one marked for screen readers.

import Check from 'lucide-react/icons/check';
import { useTranslation } from 'react-i18next';
import { STEPS, type StepId } from '../wizard/use-wizard.js';

export function StepIndicator({ current }: { current: StepId }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <nav className="step-indicator" aria-label={t('app.stepsLabel')}>
      <p className="sr-only">{t('app.stepCounter', { current: index + 1, total: STEPS.length })}</p>
      <ol>
        {STEPS.map((step, position) => {
          const state = position < index ? 'done' : position === index ? 'current' : 'upcoming';
          return (
            <li
              key={step}
              className={`indicator-step ${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="indicator-mark" aria-hidden="true">
                {state === 'done' ? <Check /> : position + 1}
              </span>
              <span className="indicator-label">{t(`steps.${step}`)}</span>
              {state === 'done' ? <span className="sr-only"> ({t('app.stepDone')})</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
