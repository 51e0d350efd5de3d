import { Module } from '@nestjs/common';
import { WorkflowApplicationModule } from './application/workflow-application.module';
import { WorkflowGraphqlModule } from './graphql/workflow-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/**
 * The workflow service's own providers; the event store, logger, clock and health come from the
 * service runtime. The application (read models, the birthright process, queries) comes from
 * WorkflowApplicationModule (re-exported here).
 */
@Module({
  imports: [WorkflowApplicationModule, WorkflowGraphqlModule],
  providers: [PlatformStatusResolver],
  exports: [WorkflowApplicationModule],
})
export class AppModule {}
