import { Module } from '@nestjs/common';
import { AdminTokenModule } from '@tenure/service-runtime';
import { ConnectorApplicationModule } from '../application/connector-application.module';
import { ApplicationResolver } from './applications/application.resolver';
import { EntitlementResolver } from './catalog/entitlement.resolver';
import { provisioningGraphqlResolvers, provisioningReferenceResolvers } from './provisioning';
import { ApplicationReconciliationResolver } from './reconciliation/application-reconciliation.resolver';
import { DriftResolver } from './reconciliation/drift.resolver';
import { ReconciliationRunResolver } from './reconciliation/reconciliation-run.resolver';
import { ConnectorReportsResolver } from './reports/connector-reports.resolver';

/** The connector subgraph's resolvers: add these to the service's subgraph definition. */
export const connectorGraphqlResolvers = [
  ApplicationResolver,
  EntitlementResolver,
  ReconciliationRunResolver,
  DriftResolver,
  ApplicationReconciliationResolver,
  ConnectorReportsResolver,
  ...provisioningGraphqlResolvers,
] as const;
export const connectorReferenceResolvers = { ...provisioningReferenceResolvers };

/** Applications and the catalog over GraphQL: thin resolvers; administrators are checked with the runtime's token guard. */
@Module({
  imports: [ConnectorApplicationModule, AdminTokenModule],
  providers: [...connectorGraphqlResolvers],
})
export class ConnectorGraphqlModule {}
