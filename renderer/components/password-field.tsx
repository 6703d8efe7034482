// The password input: show/hide toggle and a Caps Lock warning (the usual cause of a "wrong" password).

import Eye from 'lucide-react/icons/eye';
import EyeOff from 'lucide-react/icons/eye-off';
import { type KeyboardEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './text-field.js';

interface PasswordFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  visible: boolean;
  onVisibleChange: (visible: boolean) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function PasswordField({
  label,
  value,
  onValueChange,
  error,
  visible,
  onVisibleChange,
  inputRef,
}: PasswordFieldProps) {
  const { t } = useTranslation();
  const [capsLock, setCapsLock] = useState(false);
  const watchCapsLock = (event: KeyboardEvent<HTMLInputElement>) =>
    setCapsLock(event.getModifierState('CapsLock'));
  return (
    <div className="password-field">
      <TextField
        label={label}
        type={visible ? 'text' : 'password'}
        value={value}
        onValueChange={onValueChange}
        onKeyDown={watchCapsLock}
        onKeyUp={watchCapsLock}
        onBlur={() => setCapsLock(false)}
        autoComplete="current-password"
        spellCheck={false}
        autoCapitalize="off"
        error={error}
        inputRef={inputRef}
        testId="password-input"
        addon={
          <button
            type="button"
            className="icon-button"
            aria-label={t('password.show')}
            aria-pressed={visible}
            onClick={() => onVisibleChange(!visible)}
            data-testid="toggle-password"
          >
            {visible ? <EyeOff /> : <Eye />}
          </button>
        }
      />
      <div className="caps-lock" aria-live="polite" data-testid="caps-lock-warning">
        {capsLock ? t('password.capsLock') : ''}
      </div>
    </div>
  );
}
