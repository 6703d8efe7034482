// Step 3: IMAP (recommended) or POP3. POP3 is explained and must be confirmed: mail leaves the server
// and lives on this one device. A protocol the administrator's policy does not allow is not offered,
// and a sentence says why.

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingProtocol } from '../api/types.js';
import { CheckBox } from '../components/check-box.js';
import { RadioGroup } from '../components/radio-group.js';
import { StepActions, StepFrame } from '../components/step-frame.js';
import { allowedProtocols } from '../logic/policy.js';
import { usePolicy } from '../wizard/use-policy.js';
import type { Wizard } from '../wizard/use-wizard.js';

export function TypeStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, actions } = wizard;
  const [confirmMissing, setConfirmMissing] = useState(false);
  const confirmBox = useRef<HTMLInputElement>(null);
  const servers = state.servers;
  const pop3 = state.protocol === 'pop3';
  const allowed = allowedProtocols(usePolicy().policy);
  const only = allowed.length === 1 ? allowed[0] : undefined;

  const next = () => {
    if (pop3 && !state.pop3Confirmed) {
      setConfirmMissing(true);
      confirmBox.current?.focus();
      return;
    }
    actions.goTo('password');
  };

  const option = (value: IncomingProtocol, label: string, text: string) => {
    if (!allowed.includes(value)) return undefined;
    const available = servers?.[value] !== undefined;
    return {
      value,
      label,
      description: available ? text : `${text} ${t('type.unavailable')}`,
      disabled: !available,
      testId: `type-${value}`,
    };
  };

  return (
    <StepFrame
      id="type"
      title={t('type.title')}
      onSubmit={next}
      actions={
        <StepActions
          onBack={actions.back}
          backLabel={t('actions.back')}
          nextLabel={t('actions.next')}
          nextSubmits
        />
      }
    >
      <RadioGroup
        legend={t('type.legend')}
        legendHidden
        variant="cards"
        value={state.protocol}
        onChange={(protocol) => actions.patch({ protocol, pop3Confirmed: false })}
        options={[
          option('imap', t('type.imap'), t('type.imapText')),
          option('pop3', t('type.pop3'), t('type.pop3Text')),
        ].filter((entry) => entry !== undefined)}
      />
      {only ? (
        <p className="callout info" data-testid="protocols-note">
          {t(`policy.${only}Only`)}
        </p>
      ) : null}
      {pop3 ? (
        <div className="callout warning confirm" data-testid="pop3-warning">
          <div className="callout-body">
            <p className="callout-title">{t('type.pop3WarningTitle')}</p>
            <p>{t('type.pop3Warning')}</p>
            <CheckBox
              label={t('type.confirmPop3')}
              checked={state.pop3Confirmed}
              onChange={(checked) => {
                actions.patch({ pop3Confirmed: checked });
                if (checked) setConfirmMissing(false);
              }}
              error={confirmMissing ? t('type.confirmPop3Missing') : undefined}
              testId="confirm-pop3"
              inputRef={confirmBox}
            />
          </div>
        </div>
      ) : null}
    </StepFrame>
  );
}
