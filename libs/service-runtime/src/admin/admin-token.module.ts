import { Global, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CallerGuard } from '../caller/caller-guard';
import { callerTokenSecretFromEnv, CallerTokenVerifier } from '../caller/caller-token';
import { keepRequestCredentials } from '../caller/request-credentials';
import { AdminTokenGuard } from './admin-token-guard';
import { parseTokenList } from './known-token';

/**
 * Provides `AdminTokenGuard` (tokens from ADMIN_TOKENS) and `CallerGuard` (administrators and caller
 * tokens signed with CALLER_TOKEN_SECRET; both secrets, never logged) to every module of a service.
 * Global so that Nest registers its middleware, which keeps the request's credentials for the
 * resolvers, before the subgraph's Apollo middleware: global modules' middleware comes first.
 */
@Global()
@Module({
  providers: [
    { provide: AdminTokenGuard, useFactory: () => new AdminTokenGuard(parseTokenList(process.env['ADMIN_TOKENS'])) },
    { provide: CallerTokenVerifier, useFactory: () => new CallerTokenVerifier(callerTokenSecretFromEnv(process.env)) },
    { provide: CallerGuard, useFactory: (administrators: AdminTokenGuard) => new CallerGuard(administrators), inject: [AdminTokenGuard] },
  ],
  exports: [AdminTokenGuard, CallerGuard],
})
export class AdminTokenModule implements NestModule {
  constructor(@Inject(CallerTokenVerifier) private readonly callerTokens: CallerTokenVerifier) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(keepRequestCredentials(this.callerTokens)).forRoutes('/graphql');
  }
}
