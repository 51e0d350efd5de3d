import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { loadConfig } from '@tenure/platform';
import { identityAdminConfigSchema } from '../../config';
import { HrImportsModule } from '../../hr-imports/hr-imports.module';
import { parseScimTokens } from '../../hr-inputs/scim/bearer-auth';
import { AdminTokenGuard, keepAuthorizationHeader } from './admin-token-guard';
import { HrImportsResolver } from './hr-imports.resolver';

/** Add these to the service's subgraph definition. */
export const hrImportsGraphqlResolvers = [HrImportsResolver] as const;

/**
 * HR import runs in the identity subgraph, with the interim administrator token check. Global only
 * so that Nest registers its middleware (which keeps the Authorization header for the resolvers)
 * before the subgraph's Apollo middleware: Nest registers global modules' middleware first.
 */
@Global()
@Module({
  imports: [HrImportsModule],
  providers: [
    {
      provide: AdminTokenGuard,
      useFactory: () => new AdminTokenGuard(parseScimTokens(loadConfig(identityAdminConfigSchema, process.env).ADMIN_TOKENS)),
    },
    ...hrImportsGraphqlResolvers,
  ],
  // The held HR feed bursts' resolver checks administrators with the same guard.
  exports: [AdminTokenGuard],
})
export class HrImportsGraphqlModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(keepAuthorizationHeader).forRoutes('/graphql');
  }
}
