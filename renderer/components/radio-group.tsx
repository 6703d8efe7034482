// A set of radio buttons under a legend; each option may carry an explanation and be unavailable.

import type { ReactNode } from 'react';
import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  description?: ReactNode;
  disabled?: boolean;
  testId?: string;
}

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T | undefined;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  /** Large cards (account type, mail program) or a compact row (encryption). */
  variant?: 'cards' | 'inline';
  legendHidden?: boolean;
}

export function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
  variant = 'inline',
  legendHidden,
}: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className={`radio-group ${variant}`}>
      <legend className={legendHidden ? 'sr-only' : 'field-label'}>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className={`radio-option${option.disabled ? ' disabled' : ''}`}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={option.disabled}
                onChange={() => onChange(option.value)}
                aria-describedby={option.description ? `${id}-description` : undefined}
                data-testid={option.testId}
              />
              <label htmlFor={id}>
                <span className="radio-label">{option.label}</span>
                {option.description ? (
                  <span id={`${id}-description`} className="radio-description">
                    {option.description}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
