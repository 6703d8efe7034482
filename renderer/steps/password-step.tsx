// Step 4: the password. The provider's hints (app password needed, with its link), a name for this
// password, show/hide and Caps Lock, a generator and strength meter for a new password, and, after a
// failed test, the lockout warning; when the lockout guard held back, one more try needs a "yes", and
// the step says how many failures core counted and when that count expires.
// When the administrator's policy requires an app password, the step says so first and the field and
// the new-password help speak of the app password.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import type { PasswordRating } from '../api/types.js';
import { CheckBox } from '../components/check-box.js';
import { ErrorBox } from '../components/error-box.js';
import { NoticeList } from '../components/notice-list.js';
import { PasswordField } from '../components/password-field.js';
import { PasswordGenerator } from '../components/password-generator.js';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { StrengthMeter } from '../components/strength-meter.js';
import { TextField } from '../components/text-field.js';
import { langOf } from '../i18n/index.js';
import { deviceKind } from '../logic/device-label.js';
import { signInOutcome } from '../logic/test-outcome.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

/** Waits this long after the last keystroke before asking core to rate the password. */
const RATE_DELAY_MS = 250;

export function PasswordStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n);
  const { state, actions } = wizard;
  const [visible, setVisible] = useState(false);
  const [choosingNew, setChoosingNew] = useState(false);
  const [rating, setRating] = useState<{ value: PasswordRating; lang: string } | undefined>();
  const [errors, setErrors] = useState<{ password?: string; label?: string; force?: string }>({});
  const passwordInput = useRef<HTMLInputElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const forceBox = useRef<HTMLInputElement>(null);
  const outcome = signInOutcome(state.test.result);
  // Core's count of failed sign-ins and when it expires, for the confirmation below.
  const lockout = state.test.result?.lockout;
  const { policy } = usePolicy();
  const appPassword = policy?.requireAppPassword === true;
  const hints = (state.search.result?.hints ?? []).filter(
    (hint) =>
      hint.code !== 'possible-typo' &&
      // The policy's own app-password hint says what the box below says; a provider's keeps its link.
      !(appPassword && hint.code === 'app-password-required' && !hint.url),
  );

  // A name to start from, which the person may change.
  const defaultLabel = t('password.labelDefault', { device: t(`password.devices.${deviceKind()}`) });
  const { patch } = actions;
  const offeredLabel = useRef(false);
  useEffect(() => {
    // Once, when the step opens: a label the person clears stays cleared.
    if (offeredLabel.current) return;
    offeredLabel.current = true;
    if (state.label === '') patch({ label: defaultLabel });
  }, [state.label, defaultLabel, patch]);

  const { password, address, label } = state;
  useEffect(() => {
    if (!choosingNew || password === '') {
      setRating(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('ratePassword', { password, address: address.trim(), label }, { lang })
        .then((value) => {
          if (current) setRating({ value, lang });
        })
        .catch(() => {
          if (current) setRating(undefined);
        });
    }, RATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [choosingNew, password, address, label, lang]);

  const next = () => {
    const found = {
      ...(state.password === '' ? { password: t('password.missingPassword') } : {}),
      ...(state.label.trim() === '' ? { label: t('password.missingLabel') } : {}),
      ...(outcome.lockoutGuard && !state.forceConfirmed ? { force: t('password.confirmForceMissing') } : {}),
    };
    setErrors(found);
    if (found.label) labelInput.current?.focus();
    else if (found.password) passwordInput.current?.focus();
    else if (found.force) forceBox.current?.focus();
    else void actions.startTest();
  };

  return (
    <StepFrame
      id="password"
      title={t('password.title')}
      intro={t('password.intro')}
      onSubmit={next}
      actions={
        <StepActions
          onBack={actions.back}
          backLabel={t('actions.back')}
          nextLabel={t('password.next')}
          nextSubmits
        />
      }
    >
      {appPassword ? (
        <div className="callout info" data-testid="app-password-required">
          <div className="callout-body">
            <p className="callout-title">{t('policy.appPasswordTitle')}</p>
            <p>
              {t('policy.appPasswordText', {
                organisation: policy?.branding?.name ?? t('policy.yourAdministrator'),
              })}
            </p>
          </div>
        </div>
      ) : null}
      <NoticeList
        notices={hints}
        kind="hint"
        title={t('password.hintsTitle')}
        lang={state.search.lang}
        testId="password-hints"
      />
      {outcome.authFailed ? (
        <div className="callout warning" role="alert" data-testid="auth-failed-warning">
          <div className="callout-body">
            <p>{t('password.authFailedWarning')}</p>
          </div>
        </div>
      ) : null}
      {outcome.others.map((result) =>
        result.error ? (
          <ErrorBox key={`${result.protocol}:${result.host}`} error={result.error} lang={state.test.lang} />
        ) : null,
      )}
      {outcome.lockoutGuard?.error ? (
        <div data-testid="lockout-guard">
          <ErrorBox error={outcome.lockoutGuard.error} lang={state.test.lang} />
          {lockout?.expiresAt ? (
            <p className="callout info" data-testid="lockout-count">
              {t('password.lockoutCount', {
                failures: lockout.failures,
                minutes: lockout.windowMinutes,
                time: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(lockout.expiresAt),
                ),
              })}
            </p>
          ) : null}
          <CheckBox
            label={t('password.confirmForce')}
            checked={state.forceConfirmed}
            onChange={(forceConfirmed) => actions.patch({ forceConfirmed })}
            error={errors.force}
            testId="confirm-force"
            inputRef={forceBox}
          />
        </div>
      ) : null}
      <TextField
        label={t('password.labelLabel')}
        hint={t('password.labelHint')}
        value={state.label}
        onValueChange={(value) => actions.patch({ label: value })}
        error={errors.label}
        inputRef={labelInput}
        testId="label-input"
        autoComplete="off"
      />
      <PasswordField
        label={appPassword ? t('password.appPasswordLabel') : t('password.passwordLabel')}
        value={state.password}
        onValueChange={(value) => actions.patch({ password: value })}
        error={errors.password}
        visible={visible}
        onVisibleChange={setVisible}
        inputRef={passwordInput}
      />
      {choosingNew && rating ? <StrengthMeter rating={rating.value} lang={rating.lang} /> : null}
      <div className="new-password">
        <CheckBox
          label={appPassword ? t('password.newAppPassword') : t('password.newPassword')}
          checked={choosingNew}
          onChange={setChoosingNew}
          testId="choosing-new"
        />
        {choosingNew ? (
          <>
            <p className="muted">
              {appPassword ? t('password.newAppPasswordHint') : t('password.newPasswordHint')}
            </p>
            <PasswordGenerator
              lang={lang}
              onUse={(generated) => {
                actions.patch({ password: generated });
                setVisible(true);
              }}
            />
          </>
        ) : null}
      </div>
    </StepFrame>
  );
}
