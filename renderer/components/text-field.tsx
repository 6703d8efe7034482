// A labelled text input with its hint and its error, wired for screen readers (aria-describedby,
// aria-invalid). The error region is always there, so a new error is announced politely.

import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  /** Core's words are marked with the language they came in. */
  errorLang?: string;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  /** Beside the input (a show/hide button). */
  addon?: ReactNode;
}

export function TextField({
  label,
  value,
  onValueChange,
  hint,
  error,
  errorLang,
  inputRef,
  testId,
  addon,
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="field-control">
        <input
          id={id}
          ref={inputRef}
          className="input"
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          data-testid={testId}
          {...input}
        />
        {addon}
      </div>
      <div id={errorId} className="field-error" aria-live="polite" lang={errorLang}>
        {error}
      </div>
    </div>
  );
}
