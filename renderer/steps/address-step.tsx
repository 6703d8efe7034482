// Step 1: the address and the name recipients see. Live feedback from light checks once the person
// has left the field or tried to continue; core's own message when it rejects the address; a typo hint
// whose suggestion replaces the address only when the person clicks it. While the administrator's
// policy file cannot be used, nothing is searched: the button is off and says why.

import Mail from 'lucide-react/icons/mail';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { TextField } from '../components/text-field.js';
import { checkAddress } from '../logic/address-check.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

export function AddressStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, actions } = wizard;
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const problem = checkAddress(state.address);
  const localError = touched && problem ? t(`address.problems.${problem}`) : undefined;
  const coreError = state.addressError;
  const blocked = usePolicy().problem !== undefined;
  const blockedId = useId();

  const submit = () => {
    if (blocked) return;
    setTouched(true);
    if (problem) {
      input.current?.focus();
      return;
    }
    void actions.submitAddress();
  };

  return (
    <StepFrame
      id="address"
      title={t('address.title')}
      intro={t('address.intro')}
      onSubmit={submit}
      actions={
        <StepActions
          nextLabel={t('address.next')}
          nextSubmits
          nextBusy={state.checking}
          nextDisabled={blocked}
          nextDescribedBy={blocked ? blockedId : undefined}
        />
      }
    >
      {blocked ? (
        <p id={blockedId} className="callout warning" data-testid="policy-blocked">
          {t('policy.blocked')}
        </p>
      ) : null}
      <TextField
        label={t('address.addressLabel')}
        hint={t('address.addressHint')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        autoCapitalize="off"
        value={state.address}
        onValueChange={actions.setAddress}
        onBlur={() => setTouched(state.address !== '' || touched)}
        error={localError ?? coreError?.value.message}
        errorLang={localError ? undefined : coreError?.lang}
        inputRef={input}
        testId="address-input"
        addon={<Mail className="field-icon" />}
      />
      {state.typo ? (
        <div className="callout info" data-testid="typo-hint">
          <div className="callout-body">
            <p lang={state.typo.lang}>{state.typo.value.message}</p>
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                actions.acceptSuggestion();
                input.current?.focus();
              }}
              data-testid="use-suggestion"
            >
              {t('address.useSuggestion', { suggestion: state.typo.value.detail ?? '' })}
            </button>
          </div>
        </div>
      ) : null}
      <TextField
        label={t('address.nameLabel')}
        hint={t('address.nameHint')}
        autoComplete="name"
        value={state.displayName}
        onValueChange={(displayName) => actions.patch({ displayName })}
        testId="name-input"
      />
      <div className="sr-only" aria-live="polite">
        {state.checking ? t('address.checking') : ''}
      </div>
    </StepFrame>
  );
}
