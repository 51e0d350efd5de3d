import { Module } from '@nestjs/common';
import { AdminTokenModule } from '@tenure/service-runtime';
import { PolicyApplicationModule } from '../application/policy-application.module';
import { PolicyDraftResolver } from './draft/policy-draft.resolver';
import { AccessRequestResolver } from './identity/access-request.resolver';
import { IdentityPolicyResolver } from './identity/identity-policy.resolver';
import { OpenSodViolationsResolver } from './reports/open-sod-violations.resolver';
import { resolveIdentityReference } from './identity/identity.reference';
import { SimulationResolver } from './simulation/simulation.resolver';
import { SodResolver } from './sod/sod.resolver';
import { PolicyVersionsResolver } from './versions/policy-versions.resolver';

/** The policy subgraph's resolvers and entity references: add these to the service's subgraph definition. */
export const policyGraphqlResolvers = [
  PolicyDraftResolver,
  PolicyVersionsResolver,
  SimulationResolver,
  SodResolver,
  IdentityPolicyResolver,
  AccessRequestResolver,
  OpenSodViolationsResolver,
] as const;
export const policyReferenceResolvers = { Identity: resolveIdentityReference };

/** Policy over GraphQL: thin resolvers over PolicyAdministration and PolicyQueries; administrators are checked with the runtime's token guard. */
@Module({
  imports: [PolicyApplicationModule, AdminTokenModule],
  providers: [...policyGraphqlResolvers],
})
export class PolicyGraphqlModule {}
