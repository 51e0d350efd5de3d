import { z } from 'zod';
import { EMPLOYMENT_TYPES, type HrRecord } from '../../domain/hr-record';
import { isIsoDate, type AttributeValues, type IsoDate } from '../../domain/identity';

export const HR_WEBHOOK_EVENT_TYPES = ['hire', 'change', 'terminate', 'cancel-termination', 'leave-start', 'leave-end'] as const;
export type HrWebhookEventType = (typeof HR_WEBHOOK_EVENT_TYPES)[number];

interface HrWebhookEventBase {
  /** The sender's id for this event: a redelivery carries the same one. */
  readonly eventId: string;
  readonly employeeNumber: string;
  /** Null: now. */
  readonly effectiveDate: IsoDate | null;
  readonly reason: string | null;
}

/** A validated webhook body, shaped for the command it maps to. */
export type HrWebhookEvent =
  | (HrWebhookEventBase & { readonly type: 'hire'; readonly record: HrRecord })
  | (HrWebhookEventBase & { readonly type: 'change'; readonly changes: AttributeValues })
  | (HrWebhookEventBase & { readonly type: Exclude<HrWebhookEventType, 'hire' | 'change'> });

/** One problem with a body: the field's path (`record.email`) and what is wrong with it. */
export interface BodyProblem {
  readonly field: string;
  readonly problem: string;
}

export type HrWebhookEventParse =
  { readonly ok: true; readonly event: HrWebhookEvent } | { readonly ok: false; readonly problems: readonly BodyProblem[] };

// Messages complete the sentence `<field> ...`.
const text = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).trim();
const requiredText = text.min(1, { error: 'is empty but required' });
const isoDate = text.refine(isIsoDate, { error: 'is not a date (YYYY-MM-DD)' });

const attributeFields = {
  givenName: requiredText,
  familyName: requiredText,
  email: requiredText.pipe(z.email({ error: 'is not an email address' })),
  department: text,
  title: text,
  managerEmployeeNumber: requiredText.nullable(),
  location: text,
  costCenter: text,
  employmentType: z.enum(EMPLOYMENT_TYPES, { error: `is not one of ${EMPLOYMENT_TYPES.join(', ')}` }),
  custom: z.record(z.string(), z.string({ error: 'must map names to strings' }), { error: 'must be an object of strings' }),
};

// Strict: a misspelled attribute would otherwise be dropped without a word.
const recordSchema = z.strictObject({
  ...attributeFields,
  department: attributeFields.department.default(''),
  title: attributeFields.title.default(''),
  managerEmployeeNumber: attributeFields.managerEmployeeNumber.default(null),
  location: attributeFields.location.default(''),
  costCenter: attributeFields.costCenter.default(''),
  custom: attributeFields.custom.default({}),
  startDate: isoDate.optional(),
});

const changesSchema = z
  .strictObject(attributeFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { error: 'names no attribute to change' });

// The envelope itself tolerates fields it does not know: senders add their own metadata.
const bodySchema = z.object(
  {
    eventId: requiredText.max(200, { error: 'is longer than 200 characters' }),
    type: z.enum(HR_WEBHOOK_EVENT_TYPES, { error: `is not one of ${HR_WEBHOOK_EVENT_TYPES.join(', ')}` }),
    effectiveDate: isoDate.nullable().default(null),
    employeeNumber: requiredText,
    record: recordSchema.optional(),
    changes: changesSchema.optional(),
    reason: text.nullable().default(null),
  },
  { error: 'must be a JSON object' },
);

type Body = z.infer<typeof bodySchema>;

/** Validates a parsed JSON body; every problem names its field. */
export function parseHrWebhookEvent(json: unknown): HrWebhookEventParse {
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(problemsOf) };
  const body = parsed.data;
  const problems = crossFieldProblems(body);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, event: toEvent(body) };
}

function crossFieldProblems(body: Body): BodyProblem[] {
  const problems: BodyProblem[] = [];
  if (body.type === 'hire') {
    if (body.record === undefined) problems.push({ field: 'record', problem: 'is required for a hire (the whole person)' });
    else if (body.effectiveDate === null && body.record.startDate === undefined) {
      problems.push({ field: 'effectiveDate', problem: 'or record.startDate is required for a hire (the first day of work)' });
    }
  } else if (body.record !== undefined) {
    problems.push({ field: 'record', problem: `is only accepted for a hire, not for ${body.type}` });
  }
  if (body.type === 'change' && body.changes === undefined) {
    problems.push({ field: 'changes', problem: 'is required for a change (the attributes that change)' });
  } else if (body.type !== 'change' && body.changes !== undefined) {
    problems.push({ field: 'changes', problem: `is only accepted for a change, not for ${body.type}` });
  }
  return problems;
}

function toEvent(body: Body): HrWebhookEvent {
  const base = {
    eventId: body.eventId,
    employeeNumber: body.employeeNumber,
    effectiveDate: body.effectiveDate,
    reason: body.reason || null,
  };
  if (body.type === 'hire' && body.record) {
    const { startDate, ...attributes } = body.record;
    return {
      ...base,
      type: 'hire',
      record: {
        employeeNumber: body.employeeNumber,
        attributes,
        startDate: body.effectiveDate ?? startDate ?? '',
        terminationDate: null,
        active: true,
      },
    };
  }
  if (body.type === 'change' && body.changes) return { ...base, type: 'change', changes: body.changes };
  if (body.type === 'hire' || body.type === 'change') throw new Error(`unreachable: ${body.type} passed validation without its data`);
  return { ...base, type: body.type };
}

function problemsOf(issue: z.core.$ZodIssue): BodyProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: [...path, key].join('.'), problem: 'is not a known attribute' }));
  }
  return [{ field: path.length > 0 ? path.join('.') : '(body)', problem: issue.message }];
}
