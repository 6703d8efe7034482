// A random password (core's generator) for the provider's "new password" page: generate, copy, and
// take it over into the password field once it is set there.

import Copy from 'lucide-react/icons/copy';
import WandSparkles from 'lucide-react/icons/wand-sparkles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorOf } from '../api/client.js';
import type { BridgeError, Lang } from '../api/types.js';
import { ErrorBox } from './error-box.js';
import { TextField } from './text-field.js';

export function PasswordGenerator({ lang, onUse }: { lang: Lang; onUse: (password: string) => void }) {
  const { t } = useTranslation();
  const [generated, setGenerated] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<BridgeError | undefined>();

  const generate = async () => {
    setStatus('');
    setError(undefined);
    try {
      setGenerated(await call('generatePassword', {}, { lang }));
    } catch (failure) {
      setError(errorOf(failure));
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(generated);
      setStatus(t('password.copied'));
    } catch {
      setStatus('');
    }
  };

  return (
    <div className="generator" data-testid="generator">
      <button type="button" className="button secondary" onClick={generate} data-testid="generate-password">
        <WandSparkles className="inline-icon" />
        {t('password.generate')}
      </button>
      {error ? <ErrorBox error={error} lang={lang} showSupport={false} /> : null}
      {generated ? (
        <>
          <TextField
            label={t('password.generated')}
            value={generated}
            onValueChange={() => undefined}
            readOnly
            spellCheck={false}
            className="mono-field"
            testId="generated-password"
          />
          <div className="button-row">
            <button
              type="button"
              className="button secondary small"
              onClick={copy}
              data-testid="copy-generated"
            >
              <Copy className="inline-icon" />
              {t('password.copy')}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => onUse(generated)}
              data-testid="use-generated"
            >
              {t('password.useGenerated')}
            </button>
          </div>
        </>
      ) : null}
      <div className="sr-only" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
