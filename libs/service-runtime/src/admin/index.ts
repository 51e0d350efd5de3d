export { ADMIN_TOKEN_ACTOR, AdminTokenGuard } from './admin-token-guard';
export { AdminTokenModule } from './admin-token.module';
export { isKnownToken, parseTokenList } from './known-token';
