import { ApplicationHealthResolver } from './application-health.resolver';
import { IdentityProvisioningResolver } from './identity-provisioning.resolver';
import { resolveIdentityReference } from './identity.type';
import { ManualTaskResolver } from './manual-task.resolver';
import { OperationResolver } from './operation.resolver';

/** Provisioning over GraphQL: register these resolvers and the Identity reference with the subgraph. */
export const provisioningGraphqlResolvers = [
  OperationResolver,
  ManualTaskResolver,
  ApplicationHealthResolver,
  IdentityProvisioningResolver,
] as const;
export const provisioningReferenceResolvers = { Identity: resolveIdentityReference };
