// The frame of every step: its heading (focused when the step changes, so screen readers announce the
// new step and Tab starts at its top), the content, and the actions row (Back left, Next right).

import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useRef } from 'react';

/** True once the person has moved past the first screen: from then on each new step takes focus. */
export const FocusHeadingContext = createContext(false);

interface StepFrameProps {
  id: string;
  title: string;
  intro?: ReactNode;
  /** Makes the step a form: Enter in a field submits it (the Next button is its submit button). */
  onSubmit?: () => void;
  actions: ReactNode;
  children?: ReactNode;
}

export function StepFrame({ id, title, intro, onSubmit, actions, children }: StepFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useContext(FocusHeadingContext);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  const body = (
    <>
      <div className="step-body">{children}</div>
      <div className="step-actions">{actions}</div>
    </>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <section className="step" aria-labelledby={`${id}-title`} data-testid={`step-${id}`}>
      <h2 id={`${id}-title`} className="step-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {intro ? <p className="step-intro">{intro}</p> : null}
      {onSubmit ? (
        <form noValidate onSubmit={submit} className="step-form" aria-labelledby={`${id}-title`}>
          {body}
        </form>
      ) : (
        body
      )}
    </section>
  );
}

interface ActionsProps {
  onBack?: () => void;
  backLabel?: string;
  /** The primary action; a submit button when `nextSubmits` (inside a step form). */
  nextLabel?: string;
  onNext?: () => void;
  nextSubmits?: boolean;
  nextBusy?: boolean;
  /** Next cannot be used now; `nextDescribedBy` names the element that says why. */
  nextDisabled?: boolean;
  nextDescribedBy?: string;
  /** Secondary actions between Back and Next. */
  children?: ReactNode;
}

export function StepActions({
  onBack,
  backLabel,
  nextLabel,
  onNext,
  nextSubmits,
  nextBusy,
  nextDisabled,
  nextDescribedBy,
  children,
}: ActionsProps) {
  return (
    <>
      {onBack && backLabel ? (
        <button type="button" className="button secondary" onClick={onBack} data-testid="back">
          {backLabel}
        </button>
      ) : null}
      <span className="actions-spacer" />
      {children}
      {nextLabel ? (
        <button
          type={nextSubmits ? 'submit' : 'button'}
          className="button primary"
          onClick={nextSubmits ? undefined : onNext}
          aria-busy={nextBusy || undefined}
          disabled={nextDisabled || undefined}
          aria-describedby={nextDescribedBy}
          data-testid="next"
        >
          {nextLabel}
        </button>
      ) : null}
    </>
  );
}
