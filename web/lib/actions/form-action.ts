import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { GraphqlRequestError } from '../graphql-error';
import { requireSession, type Session } from '../session';
import { formValues, type FormState } from './form-state';

/**
 * A server action for a form: resolves the session once, validates the form with `schema` (field errors go
 * back to the fields), runs `handle`, and turns the API's refusals into the form's message (or a field's
 * error when the API names the field). Redirects and other Next.js control flow pass through untouched.
 */
export function formAction<Schema extends z.ZodType>(
  schema: Schema,
  handle: (input: z.output<Schema>, session: Session, values: Record<string, string>) => Promise<FormState | void>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const session = await requireSession();
    const values = formValues(formData);
    const parsed = validate(schema, values);
    if (parsed.state) return parsed.state;
    try {
      return (await handle(parsed.data, session, values)) ?? { status: 'success' };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof GraphqlRequestError) return refusalState(error, values);
      throw error;
    }
  };
}

/** The schema's output, or the error state that sends each problem to its field. */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  values: Record<string, string>,
): { data: z.output<Schema>; state?: undefined } | { data?: undefined; state: FormState } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  return {
    state: {
      status: 'error',
      message: 'Some fields need attention.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values,
    },
  };
}

/** The API's refusal as form state: on the field the API names (extensions.details.field), else for the whole form. */
export function refusalState(error: GraphqlRequestError, values: Record<string, string>): FormState {
  const field = error.errors[0]?.extensions?.details as { field?: unknown } | undefined;
  const message = sentence(
    error.details.filter((detail) => detail !== error.message).reduce((text, detail) => `${text} ${detail}`, error.message),
  );
  if (error.code === 'BAD_USER_INPUT' && typeof field?.field === 'string' && field.field in values) {
    return { status: 'error', message: 'Some fields need attention.', fieldErrors: { [field.field]: [message] }, values };
  }
  return { status: 'error', message, values };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
