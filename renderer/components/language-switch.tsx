// Deutsch / English in the header. Each name is written in its own language and marked so.

import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types.js';
import { LANGUAGES } from '../i18n/index.js';

export function LanguageSwitch({ current, onChange }: { current: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="segmented" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="segment"
          aria-pressed={lang === current}
          onClick={() => onChange(lang)}
          data-testid={`language-${lang}`}
        >
          {t(`languages.${lang}`)}
        </button>
      ))}
    </div>
  );
}
