import { Module } from '@nestjs/common';
import { IdentityBackground } from './application/identity-background';
import { identityCommandsProvider } from './application/identity-commands.provider';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity service's own providers; the event store, logger, clock and health come from the service runtime. */
@Module({
  providers: [PlatformStatusResolver, identityCommandsProvider, IdentityBackground],
  exports: [identityCommandsProvider, IdentityBackground],
})
export class AppModule {}
