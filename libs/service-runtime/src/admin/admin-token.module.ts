import { Global, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CallerGuard } from '../caller/caller-guard';
import { personTokenSecretFromEnv, PersonTokenVerifier } from '../caller/person-token';
import { keepRequestCredentials } from '../caller/request-credentials';
import { AdminTokenGuard } from './admin-token-guard';
import { parseTokenList } from './known-token';

/**
 * Provides `AdminTokenGuard` (tokens from ADMIN_TOKENS) and `CallerGuard` (administrators and person
 * tokens signed with PERSON_TOKEN_SECRET; both secrets, never logged) to every module of a service.
 * Global so that Nest registers its middleware, which keeps the request's credentials for the
 * resolvers, before the subgraph's Apollo middleware: global modules' middleware comes first.
 */
@Global()
@Module({
  providers: [
    { provide: AdminTokenGuard, useFactory: () => new AdminTokenGuard(parseTokenList(process.env['ADMIN_TOKENS'])) },
    { provide: PersonTokenVerifier, useFactory: () => new PersonTokenVerifier(personTokenSecretFromEnv(process.env)) },
    { provide: CallerGuard, useFactory: (administrators: AdminTokenGuard) => new CallerGuard(administrators), inject: [AdminTokenGuard] },
  ],
  exports: [AdminTokenGuard, CallerGuard],
})
export class AdminTokenModule implements NestModule {
  constructor(@Inject(PersonTokenVerifier) private readonly personTokens: PersonTokenVerifier) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(keepRequestCredentials(this.personTokens)).forRoutes('/graphql');
  }
}
