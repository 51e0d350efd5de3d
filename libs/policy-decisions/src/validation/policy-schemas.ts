import { z } from 'zod';
import { isConditionAttribute } from '../conditions/condition-attributes';
import { MAX_CONDITION_DEPTH, rawConditionDepth } from '../conditions/condition-depth';
import { CONDITION_ATTRIBUTES, type Condition, type ConditionAttribute } from '../model/condition';
import { RISK_LEVELS, type EntitlementRef } from '../model/entitlement';
import {
  PEER_GROUPS,
  SOD_ACTIONS,
  type AccessPolicy,
  type ApprovalStep,
  type ApproverGroup,
  type AutoApproval,
  type BirthrightRule,
  type Role,
  type SodEntitlementSet,
  type SodRule,
} from '../model/policy-set';

/**
 * The shape of each kind of policy item. Defaults let hand-written documents omit what usually
 * goes without saying (an empty description, enabled, no roles); strict objects refuse unknown
 * fields, because a misspelled field (`enabeld: false`) would otherwise be dropped without a word.
 * Each schema is typed against the model, so the model and the validation cannot drift apart.
 */

export const SLUG = /^[a-z0-9][a-z0-9-_.]*$/;

const slug = z.string().regex(SLUG, {
  error: 'must be a slug: lowercase letters, digits, "-", "_" or ".", starting with a letter or digit (e.g. "engineering-baseline")',
});
const requiredText = z.string().trim().min(1);
const description = z.string().default('');

const entitlementRef: z.ZodType<EntitlementRef> = z.strictObject({
  // The application id is the part before the first ":" of an entitlement key, so it cannot hold one.
  application: z
    .string()
    .min(1)
    .refine((application) => !application.includes(':'), { error: 'must not contain ":"' }),
  entitlement: z.string().min(1),
});

const attribute = z.custom<ConditionAttribute>((value) => typeof value === 'string' && isConditionAttribute(value), {
  error: `must be one of ${CONDITION_ATTRIBUTES.join(', ')}, or custom.<name>`,
});

const conditionTree: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('all'), conditions: z.array(conditionTree).min(1, { error: 'must list at least one condition' }) }),
    z.strictObject({ op: z.literal('any'), conditions: z.array(conditionTree).min(1, { error: 'must list at least one condition' }) }),
    z.strictObject({ op: z.literal('not'), condition: conditionTree }),
    z.strictObject({ op: z.literal('equals'), attribute, value: z.string() }),
    z.strictObject({ op: z.literal('in'), attribute, values: z.array(z.string()).min(1, { error: 'must list at least one value' }) }),
    z.strictObject({ op: z.literal('prefix'), attribute, value: z.string().min(1) }),
    z.strictObject({ op: z.literal('exists'), attribute }),
    z.strictObject({ op: z.literal('reportsTo'), employeeNumber: z.string().trim().min(1) }),
    z.strictObject({ op: z.literal('always') }),
  ]),
);

/** The depth is measured before parsing: the parser itself recurses once per level. */
export const condition: z.ZodType<Condition> = z
  .unknown()
  .superRefine((value, context) => {
    const depth = rawConditionDepth(value, MAX_CONDITION_DEPTH);
    if (depth > MAX_CONDITION_DEPTH) {
      context.addIssue({ code: 'custom', message: `is nested more than ${MAX_CONDITION_DEPTH} levels deep; flatten it with all/any` });
    }
  })
  .pipe(conditionTree);

const roleIds = z.array(slug).default([]);
const entitlementRefs = z.array(entitlementRef).default([]);

export const roleSchema: z.ZodType<Role> = z.strictObject({
  id: slug,
  name: requiredText,
  description,
  entitlements: entitlementRefs,
});

export const birthrightRuleSchema: z.ZodType<BirthrightRule> = z.strictObject({
  id: slug,
  name: requiredText,
  description,
  condition,
  roles: roleIds,
  entitlements: entitlementRefs,
  enabled: z.boolean().default(true),
});

const sodSet: z.ZodType<SodEntitlementSet> = z.strictObject({
  name: requiredText,
  entitlements: entitlementRefs,
  roles: roleIds,
});

export const sodRuleSchema: z.ZodType<SodRule> = z.strictObject({
  id: slug,
  name: requiredText,
  description,
  sets: z.array(sodSet).min(2, { error: 'must list at least 2 sets: the rule forbids holding entitlements of two sets together' }),
  severity: z.enum(RISK_LEVELS).default('high'),
  // The safe default: a conflict nobody said how to handle is not granted.
  action: z.enum(SOD_ACTIONS).default('block'),
});

export const approverGroupSchema: z.ZodType<ApproverGroup> = z.strictObject({
  id: slug,
  name: requiredText,
  members: z.array(z.string().trim().min(1)).min(1, { error: 'must list at least one member (employee number)' }),
});

const hours = z.number().positive().nullable().default(null);

const approvalStep: z.ZodType<ApprovalStep> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manager') }),
  z.strictObject({ kind: z.literal('entitlement-owner') }),
  z.strictObject({ kind: z.literal('application-owner') }),
  z.strictObject({ kind: z.literal('group'), group: slug, approvals: z.number().int().min(1).default(1) }),
]);

const autoApproval: z.ZodType<AutoApproval> = z.strictObject({
  maxRisk: z.enum(RISK_LEVELS).default('low'),
  minPeerShare: z.number().min(0).max(1).default(0),
  peerGroup: z.enum(PEER_GROUPS).default('department'),
  maxDurationHours: hours,
});

const scope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entitlement'), entitlement: entitlementRef }),
  z.strictObject({
    kind: z.literal('application'),
    application: z
      .string()
      .min(1)
      .refine((application) => !application.includes(':'), { error: 'must not contain ":"' }),
  }),
  z.strictObject({ kind: z.literal('default') }),
]);

export const accessPolicySchema: z.ZodType<AccessPolicy> = z.strictObject({
  id: slug,
  name: requiredText,
  scope,
  requestable: z.boolean().default(true),
  requestableBy: condition.nullable().default(null),
  maxDurationHours: hours,
  // The safe default: without a word on approvals, the manager approves (never "nobody").
  approvalChain: z.array(approvalStep).default([{ kind: 'manager' }]),
  autoApproval: autoApproval.nullable().default(null),
  risk: z.enum(RISK_LEVELS).default('medium'),
  breakGlass: z.boolean().default(false),
});
