import { Module } from '@nestjs/common';
import { AdminTokenModule } from '@tenure/service-runtime';
import { HrImportsModule } from '../../hr-imports/hr-imports.module';
import { HrImportsResolver } from './hr-imports.resolver';

/** Add these to the service's subgraph definition. */
export const hrImportsGraphqlResolvers = [HrImportsResolver] as const;

/** HR import runs in the identity subgraph; administrators are checked with the runtime's interim token guard. */
@Module({
  imports: [HrImportsModule, AdminTokenModule],
  providers: [...hrImportsGraphqlResolvers],
})
export class HrImportsGraphqlModule {}
