import { Module } from '@nestjs/common';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity service's own providers; the event store, logger and health come from the service runtime. */
@Module({ providers: [PlatformStatusResolver] })
export class AppModule {}
