import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AdminTokenGuard, keepAuthorizationHeader } from './admin-token-guard';
import { parseTokenList } from './known-token';

/**
 * Provides `AdminTokenGuard` (tokens from ADMIN_TOKENS; a secret, never logged) to every module of
 * a service. Global so that Nest registers its middleware, which keeps the Authorization header for
 * the resolvers, before the subgraph's Apollo middleware: global modules' middleware comes first.
 */
@Global()
@Module({
  providers: [{ provide: AdminTokenGuard, useFactory: () => new AdminTokenGuard(parseTokenList(process.env['ADMIN_TOKENS'])) }],
  exports: [AdminTokenGuard],
})
export class AdminTokenModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(keepAuthorizationHeader).forRoutes('/graphql');
  }
}
