import { Module } from '@nestjs/common';
import { IdentityBackground } from './application/identity-background';
import { identityCommandsProvider } from './application/identity-commands.provider';
import { IdentityGraphqlModule } from './graphql/identity-graphql.module';
import { ScimModule } from './hr-inputs/scim/scim.module';
import { HrImportsModule } from './hr-imports/hr-imports.module';
import { HrFeedHoldsGraphqlModule } from './graphql/hr-feed-holds/hr-feed-holds-graphql.module';
import { HrImportsGraphqlModule } from './graphql/hr-imports/hr-imports-graphql.module';
import { HrWebhookModule } from './hr-inputs/webhook/hr-webhook.module';
import { feedChangeGuardProvider } from './hr-inputs/feed-guard/feed-change-guard.provider';
import { EventLogVerificationResolver } from './graphql/event-log/event-log-verification.resolver';
import { PersonalDataErasureResolver } from './graphql/personal-data/personal-data-erasure.resolver';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity service's own providers; the event store, logger, clock and health come from the service runtime. */
@Module({
  imports: [IdentityGraphqlModule, ScimModule, HrImportsModule, HrWebhookModule, HrImportsGraphqlModule, HrFeedHoldsGraphqlModule],
  providers: [
    PlatformStatusResolver,
    EventLogVerificationResolver,
    PersonalDataErasureResolver,
    identityCommandsProvider,
    feedChangeGuardProvider,
    IdentityBackground,
  ],
  exports: [identityCommandsProvider, feedChangeGuardProvider, IdentityBackground],
})
export class AppModule {}
