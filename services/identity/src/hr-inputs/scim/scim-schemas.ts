import SCIMMY from 'scimmy';
import { EMPLOYMENT_TYPES } from '../../domain/hr-record';

export const CORE_USER_SCHEMA_ID = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA_ID = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/**
 * SCIMMY refuses schema ids outside `urn:ietf:params:scim:schemas:` (RFC 7643 does not), so the
 * Tenure extension lives there under a vendor segment, as other vendors' extensions do.
 */
export const TENURE_HR_SCHEMA_ID = 'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User';

const { Attribute, SchemaDefinition } = SCIMMY.Types;

/**
 * HR attributes SCIM has no place for. Dates are `string`s in ISO form YYYY-MM-DD: SCIM only
 * knows `dateTime`, and a hire or termination date is a calendar day, not an instant.
 */
export class TenureHrUserSchema extends SCIMMY.Types.Schema {
  static override readonly definition = new SchemaDefinition(
    'TenureHrUser',
    TENURE_HR_SCHEMA_ID,
    'Tenure HR attributes of a person: employment dates, location and employment type',
    [
      new Attribute('string', 'startDate', {
        description: 'First day of the current employment, YYYY-MM-DD. Required to hire.',
      }),
      new Attribute('string', 'terminationDate', {
        description: 'Last day of employment, YYYY-MM-DD: today or past means leaver, future means scheduled.',
      }),
      new Attribute('string', 'location', { description: 'Work location.' }),
      new Attribute('string', 'employmentType', {
        description: `One of ${EMPLOYMENT_TYPES.join(', ')}; employee when absent.`,
        canonicalValues: [...EMPLOYMENT_TYPES],
      }),
    ],
  );
  static override readonly id = TENURE_HR_SCHEMA_ID;
}

let declared = false;

/**
 * Declares the User resource type with the enterprise and Tenure extensions. SCIMMY keeps its
 * resource and schema registry in module-level state, so this runs once per process; every router
 * shares the declaration and finds its own directory through the request context.
 */
export function declareScimUserSchemas(): void {
  if (declared) return;
  SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  SCIMMY.Resources.User.extend(TenureHrUserSchema, false);
  declared = true;
}
