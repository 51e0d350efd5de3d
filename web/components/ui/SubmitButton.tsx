'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

export interface SubmitButtonProps {
  children: ReactNode;
  /** Shown while the form is being sent, e.g. "Submitting…". */
  pendingLabel?: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  /** Sent with the form, to tell several buttons of one form apart. */
  name?: string;
  value?: string;
  /** An accessible name when the visible text is not enough (e.g. "Cancel request REQ-1"). */
  'aria-label'?: string;
  /** A server function this button submits instead of the form's action. */
  formAction?: (formData: FormData) => void | Promise<void>;
  /** Skip the browser's own checks (e.g. a "Check" button that needs only some fields). */
  formNoValidate?: boolean;
}

/** A form's submit button that cannot be pressed twice while its form is being sent. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  name,
  value,
  formAction,
  formNoValidate,
  ...aria
}: SubmitButtonProps) {
  const { pending, data } = useFormStatus();
  // With several buttons in one form, only the one pressed shows the pending label.
  const pressed = pending && (name === undefined || data?.get(name) === (value ?? ''));
  return (
    <button
      type="submit"
      className={`button button--${variant}`}
      disabled={pending}
      aria-busy={pending}
      name={name}
      value={value}
      formAction={formAction}
      formNoValidate={formNoValidate}
      aria-label={aria['aria-label']}
    >
      {pressed && pendingLabel ? pendingLabel : children}
    </button>
  );
}
