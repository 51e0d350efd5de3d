'use server';

import { redirect, unstable_rethrow } from 'next/navigation';
import { evaluateMyRequest } from '../../data/request-decision';
import { checkRequestSchema, requestAccessSchema } from '../../forms/request-forms';
import { graphql, GraphqlRequestError } from '../../graphql';
import { requireSession } from '../../session';
import { refusalState, validate } from '../form-action';
import { formValues } from '../form-state';
import type { RequestFormState } from './request-form-state';

const REQUEST_ACCESS = /* GraphQL */ `
  mutation RequestAccess($input: RequestAccessInput!) {
    requestAccess(input: $input) {
      id
      status
      decisionReasons
    }
  }
`;

interface RequestAccessResponse {
  requestAccess: { id: string; status: string; decisionReasons: string[] };
}

/**
 * The request form's one action, for its two buttons: "Check policy" (intent=check) evaluates the request
 * for the duration typed; "Submit request" makes it, then opens it in My requests, or stays here with the
 * policy's reasons when it was refused.
 */
export async function requestAccessAction(previous: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const session = await requireSession();
  const values = formValues(formData);
  const keep = { decision: previous.decision };

  if (values.intent === 'check') {
    const parsed = validate(checkRequestSchema, values);
    if (parsed.state) return { ...parsed.state, ...keep };
    try {
      const decision = await evaluateMyRequest(
        session.employeeNumber,
        parsed.data.applicationId,
        parsed.data.entitlementKey,
        parsed.data.durationHours,
      );
      return { status: 'idle', decision, values };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof GraphqlRequestError) return { ...refusalState(error, values), ...keep };
      throw error;
    }
  }

  const parsed = validate(requestAccessSchema, values);
  if (parsed.state) return { ...parsed.state, ...keep };
  let created: RequestAccessResponse['requestAccess'];
  try {
    created = (await graphql<RequestAccessResponse>(REQUEST_ACCESS, { input: parsed.data })).requestAccess;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof GraphqlRequestError) return { ...refusalState(error, values), ...keep };
    throw error;
  }
  if (created.status === 'REFUSED') {
    return {
      status: 'error',
      message: 'Policy refused this request.',
      refusal: { requestId: created.id, reasons: created.decisionReasons },
      values,
      ...keep,
    };
  }
  redirect(`/requests?request=${encodeURIComponent(created.id)}&created=1`);
}
