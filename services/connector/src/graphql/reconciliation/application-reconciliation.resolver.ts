import { Injectable } from '@nestjs/common';
import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { Application } from '../applications/application.type';
import { toReconciliationRun } from './reconciliation.mapper';
import { ReconciliationRun } from './reconciliation-run.type';

/** What reconciliation adds to an application: its latest run and the drift waiting for an administrator. */
@Injectable()
@Resolver(() => Application)
export class ApplicationReconciliationResolver {
  constructor(private readonly runtime: ConnectorRuntime) {}

  @FieldResolver(() => ReconciliationRun, { nullable: true, description: 'The latest reconciliation run, running or finished.' })
  async lastReconciliation(@Root() application: Application): Promise<ReconciliationRun | null> {
    const view = await this.runtime.reconciliation.queries.lastRun(application.id);
    return view ? toReconciliationRun(view) : null;
  }

  @FieldResolver(() => Int, { description: 'Drift found and not acted on yet.' })
  openDriftCount(@Root() application: Application): Promise<number> {
    return this.runtime.reconciliation.queries.openDriftCount(application.id);
  }
}
