/**
 * What a form's server action returns to useActionState: the outcome, a message for the whole form, the
 * problems per field (shown next to each Field), and the values sent, so a refused form keeps what was typed.
 */
export interface FormState {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: 'idle' };

/** The text values of a submitted form (files are not expected here). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$ACTION')) values[name] = value;
  }
  return values;
}
