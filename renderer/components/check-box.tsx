// One confirmation checkbox with its label and, when it is required and missing, the reason.

import { type Ref, useId } from 'react';

interface CheckBoxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function CheckBox({ label, checked, onChange, error, testId, inputRef }: CheckBoxProps) {
  const id = useId();
  return (
    <div className="check-field">
      <div className="check">
        <input
          type="checkbox"
          id={id}
          ref={inputRef}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          data-testid={testId}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <div id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </div>
    </div>
  );
}
