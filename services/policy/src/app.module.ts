import { Module } from '@nestjs/common';
import { PolicyApplicationModule } from './application/policy-application.module';
import { PolicyGraphqlModule } from './graphql/policy-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/**
 * The policy service's own providers; the event store, logger, clock and health come from the
 * service runtime. `PolicyAdministration` and `PolicyQueries` come from PolicyApplicationModule
 * (re-exported here): a GraphQL module imports that module to inject them.
 */
@Module({
  imports: [PolicyApplicationModule, PolicyGraphqlModule],
  providers: [PlatformStatusResolver],
  exports: [PolicyApplicationModule],
})
export class AppModule {}
