// The window: header (name, the organisation's name and logo when a policy brands the app, "Saved
// passwords", language), the policy banner when the administrator's file cannot be used, the step
// indicator and the current step, or the saved passwords in its place. Focus moves to each new step's
// heading once the person has left the first screen.

import type { i18n as I18n } from 'i18next';
import KeyRound from 'lucide-react/icons/key-round';
import Mail from 'lucide-react/icons/mail';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language-switch.js';
import { PolicyBanner } from './components/policy-banner.js';
import { FocusHeadingContext } from './components/step-frame.js';
import { StepIndicator } from './components/step-indicator.js';
import { langOf } from './i18n/index.js';
import { logoSource } from './logic/policy.js';
import { OpenPasswordsContext } from './passwords/passwords-context.js';
import { SavedPasswordsView } from './passwords/saved-passwords-view.js';
import { AddressStep } from './steps/address-step.js';
import { FinishStep } from './steps/finish-step.js';
import { PasswordStep } from './steps/password-step.js';
import { SettingsStep } from './steps/settings-step.js';
import { TestStep } from './steps/test-step.js';
import { TypeStep } from './steps/type-step.js';
import { PolicyContext, usePolicyState } from './wizard/use-policy.js';
import { type StepId, useWizard, type Wizard } from './wizard/use-wizard.js';

const STEP_COMPONENTS: Readonly<Record<StepId, (props: { wizard: Wizard }) => ReactNode>> = {
  address: AddressStep,
  settings: SettingsStep,
  type: TypeStep,
  password: PasswordStep,
  test: TestStep,
  finish: FinishStep,
};

function Shell() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n);
  const wizard = useWizard(lang);
  const policy = usePolicyState(lang);
  const branding = policy.policy?.branding;
  const logo = logoSource(branding);
  const step = wizard.state.step;
  const [shownStep, setShownStep] = useState(step);
  const [moved, setMoved] = useState(false);
  if (step !== shownStep) {
    setShownStep(step);
    setMoved(true);
  }
  // The wizard keeps its state underneath: closing the saved passwords returns to the same step.
  const [showPasswords, setShowPasswords] = useState(false);
  const openPasswords = useCallback(() => setShowPasswords(true), []);
  const closePasswords = () => {
    setShowPasswords(false);
    setMoved(true);
  };

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const Step = STEP_COMPONENTS[step];
  return (
    <PolicyContext.Provider value={policy}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            {logo && branding ? (
              <img
                className="brand-logo"
                src={logo}
                alt={t('app.logoAlt', { name: branding.name })}
                data-testid="branding-logo"
              />
            ) : (
              <Mail className="brand-icon" />
            )}
            <div className="brand-text">
              <h1 className="brand-name">{t('app.title')}</h1>
              {branding ? (
                <p className="brand-organisation" data-testid="branding-name">
                  {branding.name}
                </p>
              ) : null}
            </div>
          </div>
          <div className="header-tools">
            <button
              type="button"
              className="button secondary small"
              aria-pressed={showPasswords}
              onClick={() => (showPasswords ? closePasswords() : openPasswords())}
              data-testid="open-passwords"
            >
              <KeyRound className="inline-icon" />
              {t('passwords.open')}
            </button>
            <LanguageSwitch current={lang} onChange={(next) => void i18n.changeLanguage(next)} />
          </div>
        </header>
        <div className={showPasswords ? 'app-body single-column' : 'app-body'}>
          {showPasswords ? null : <StepIndicator current={step} />}
          <main className="app-main">
            {policy.problem ? <PolicyBanner problem={policy.problem} /> : null}
            {showPasswords ? (
              <SavedPasswordsView onClose={closePasswords} />
            ) : (
              <FocusHeadingContext.Provider value={moved}>
                <OpenPasswordsContext.Provider value={openPasswords}>
                  <Step key={step} wizard={wizard} />
                </OpenPasswordsContext.Provider>
              </FocusHeadingContext.Provider>
            )}
          </main>
        </div>
      </div>
    </PolicyContext.Provider>
  );
}

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Shell />
    </I18nextProvider>
  );
}
