import type { z } from 'zod';
import type { AccessPolicy, ApproverGroup, BirthrightRule, Role, SodRule } from '../model/policy-set';
import { issueSentence } from './issue-sentences';
import { checkAccessPolicy, checkApproverGroup, checkBirthrightRule, checkRole, checkSodRule } from './item-checks';
import type { ItemValidation, PolicyItemKind, PolicyProblem } from './policy-problem';
import { accessPolicySchema, approverGroupSchema, birthrightRuleSchema, roleSchema, sodRuleSchema } from './policy-schemas';
import { itemProblem, type ItemLocation, type PathSegment } from './problem-messages';

interface ItemKindRules<T> {
  readonly schema: z.ZodType<T>;
  readonly check: (value: T, location: ItemLocation) => PolicyProblem[];
}

export interface ItemKindTypes {
  role: Role;
  birthrightRule: BirthrightRule;
  sodRule: SodRule;
  accessPolicy: AccessPolicy;
  approverGroup: ApproverGroup;
}

const RULES: { readonly [K in PolicyItemKind]: ItemKindRules<ItemKindTypes[K]> } = {
  role: { schema: roleSchema, check: checkRole },
  birthrightRule: { schema: birthrightRuleSchema, check: checkBirthrightRule },
  sodRule: { schema: sodRuleSchema, check: checkSodRule },
  accessPolicy: { schema: accessPolicySchema, check: checkAccessPolicy },
  approverGroup: { schema: approverGroupSchema, check: checkApproverGroup },
};

/** Where an item sits and what it calls itself, read before parsing so even a broken item is named. */
export function locateItem(kind: PolicyItemKind, input: unknown, index: number | null): ItemLocation {
  const fields = typeof input === 'object' && input !== null ? (input as { id?: unknown; name?: unknown }) : {};
  return {
    kind,
    index,
    id: typeof fields.id === 'string' ? fields.id : null,
    name: typeof fields.name === 'string' && fields.name.trim() !== '' ? fields.name.trim() : null,
  };
}

/** Shape (zod, with defaults) then the checks that need only this item. */
export function parseItem<K extends PolicyItemKind>(kind: K, input: unknown, index: number | null): ItemValidation<ItemKindTypes[K]> {
  const rules = RULES[kind] as ItemKindRules<ItemKindTypes[K]>;
  const location = locateItem(kind, input, index);
  const parsed = rules.schema.safeParse(input, { error: issueSentence });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => itemProblem(location, issue.path as PathSegment[], issue.message)) };
  }
  const problems = rules.check(parsed.data, location);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/**
 * Single-item validation, for a service that edits one item of a draft: validate the item, put it
 * in the draft, then validate the whole set (references, unique ids and scopes need the set).
 */
export function validateRole(input: unknown): ItemValidation<Role> {
  return parseItem('role', input, null);
}

export function validateBirthrightRule(input: unknown): ItemValidation<BirthrightRule> {
  return parseItem('birthrightRule', input, null);
}

export function validateSodRule(input: unknown): ItemValidation<SodRule> {
  return parseItem('sodRule', input, null);
}

export function validateAccessPolicy(input: unknown): ItemValidation<AccessPolicy> {
  return parseItem('accessPolicy', input, null);
}

export function validateApproverGroup(input: unknown): ItemValidation<ApproverGroup> {
  return parseItem('approverGroup', input, null);
}
