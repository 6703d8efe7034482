// How hard the typed password is to guess (core's rating), with core's reasons in plain words.

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordRating } from '../api/types.js';

export function StrengthMeter({ rating, lang }: { rating: PasswordRating; lang: string }) {
  const { t } = useTranslation();
  const id = useId();
  const level = t(`password.strengthLevels.${rating.score}`);
  return (
    <div className={`strength score-${rating.score}`} data-testid="strength">
      <div className="strength-head">
        <label htmlFor={id} className="field-label">
          {t('password.strength')}
        </label>
        <span className="strength-level" data-testid="strength-level">
          {level}
        </span>
      </div>
      <meter
        id={id}
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={rating.score}
        aria-valuetext={level}
        className="strength-bar"
      />
      {rating.reasons.length + rating.suggestions.length > 0 ? (
        <ul className="strength-reasons" lang={lang}>
          {[...rating.reasons, ...rating.suggestions].map((notice) => (
            <li key={`${notice.code}:${notice.message}`} data-code={notice.code}>
              {notice.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
