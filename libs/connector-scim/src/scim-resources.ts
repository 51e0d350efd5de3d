import { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Some servers send booleans as strings ("true"); read both. */
const scimBoolean = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False']).transform((value) => value.toLowerCase() === 'true')]);

/** The parts of a SCIM User the connector reads; everything else is left alone. */
export const scimUserSchema = z.looseObject({
  id: z.string().min(1),
  userName: z.string(),
  active: scimBoolean.optional(),
  displayName: z.string().nullish(),
  externalId: z.string().nullish(),
  emails: z.array(z.looseObject({ value: z.string().nullish(), primary: scimBoolean.nullish() })).nullish(),
  [ENTERPRISE_USER_SCHEMA]: z.looseObject({ employeeNumber: z.string().nullish() }).nullish(),
});
export type ScimUser = z.infer<typeof scimUserSchema>;

export const scimGroupSchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  members: z.array(z.looseObject({ value: z.string(), type: z.string().nullish() })).nullish(),
});
export type ScimGroup = z.infer<typeof scimGroupSchema>;

export interface ScimListResponse<T> {
  readonly resources: readonly T[];
  readonly totalResults: number | null;
}

export interface ScimPatchOperation {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path?: string;
  readonly value?: unknown;
}

export function patchOp(operations: readonly ScimPatchOperation[]): object {
  return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}

/** Reads a server answer with a schema; an answer that does not fit is an internal error (a bug or a non-compliant server). */
export function readResource<S extends z.ZodType>(schema: S, body: unknown, action: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError('internal', `${action}: the SCIM server's answer is not a valid resource: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const listResponseSchema = z.looseObject({
  totalResults: z.coerce.number().int().nonnegative().nullish(),
  // RFC 7644 spells it Resources; some servers write resources.
  Resources: z.array(z.unknown()).nullish(),
  resources: z.array(z.unknown()).nullish(),
});

export function readList<S extends z.ZodType>(schema: S, body: unknown, action: string): ScimListResponse<z.output<S>> {
  const list = readResource(listResponseSchema, body, action);
  const resources = (list.Resources ?? list.resources ?? []).map((resource) => readResource(schema, resource, action));
  return { resources, totalResults: list.totalResults ?? null };
}
