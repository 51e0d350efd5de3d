import { Module } from '@nestjs/common';
import { ConnectorApplicationModule } from './application/connector-application.module';
import { ConnectorGraphqlModule } from './graphql/connector-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/**
 * The connector service's own providers; the event store, logger, clock and health come from the
 * service runtime. The administrations and queries come from ConnectorApplicationModule.
 */
@Module({
  imports: [ConnectorApplicationModule, ConnectorGraphqlModule],
  providers: [PlatformStatusResolver],
  exports: [ConnectorApplicationModule],
})
export class AppModule {}
