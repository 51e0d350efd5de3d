import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ApplicationAdministration } from '../../application/application-administration';
import { CatalogAdministration } from '../../application/catalog-administration';
import { ConnectorQueries } from '../../application/connector-queries';
import { DriftRemediationName } from '../reconciliation/reconciliation-enums';
import { CredentialInput, RegisterApplicationInput } from './application.input';
import { toApplication, toConnectionTest, toCredentials } from './application.mapper';
import { Application, ConnectionTest } from './application.type';

const ADMIN = 'Needs Authorization: Bearer <administrator token>.';

/**
 * Applications: open to read until OIDC and roles arrive (issue 7); every change needs an
 * administrator token. Changes answer with the application as the read model shows it afterwards.
 */
@Injectable()
@Resolver(() => Application)
export class ApplicationResolver {
  constructor(
    private readonly administration: ApplicationAdministration,
    private readonly catalog: CatalogAdministration,
    private readonly queries: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => [Application], { description: 'Every registered application, by id.' })
  async applications(): Promise<Application[]> {
    this.guard.requireCaller('applications');
    return (await this.queries.applications()).map(toApplication);
  }

  @Query(() => Application, { nullable: true })
  async application(@Arg('id', () => ID) id: string): Promise<Application | null> {
    this.guard.requireCaller('application');
    const view = await this.queries.application(id);
    return view ? toApplication(view) : null;
  }

  @Mutation(() => Application, { description: `Registers an application with its connector settings and credentials. ${ADMIN}` })
  async registerApplication(@Arg('input', () => RegisterApplicationInput) input: RegisterApplicationInput): Promise<Application> {
    const actor = this.guard.requireAdministrator('registerApplication');
    await this.administration.register(
      {
        applicationId: input.id,
        name: input.name,
        connectorType: input.connectorType,
        settings: input.settings ?? {},
        credentials: toCredentials(input.credentials),
        ownerEmployeeNumber: input.ownerEmployeeNumber,
        enabled: input.enabled,
      },
      actor,
    );
    return this.current(input.id);
  }

  @Mutation(() => Application, { description: `Replaces the connector settings. ${ADMIN}` })
  async configureApplication(
    @Arg('id', () => ID) id: string,
    @Arg('settings', () => GraphQLJSON) settings: Record<string, unknown>,
  ): Promise<Application> {
    const actor = this.guard.requireAdministrator('configureApplication');
    await this.administration.configure(id, settings, actor);
    return this.current(id);
  }

  @Mutation(() => Application, {
    description: `Sets what reconciliation does with the application's drift and how often it runs on its own. ${ADMIN}`,
  })
  async configureReconciliation(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('remediation', () => DriftRemediationName) remediation: DriftRemediationName,
    @Arg('scheduleMinutes', () => Int, { nullable: true, description: '5 to 43200; null: on demand only.' }) scheduleMinutes: number | null,
  ): Promise<Application> {
    const actor = this.guard.requireAdministrator('configureReconciliation');
    await this.administration.configureReconciliation(applicationId, { remediation, scheduleMinutes: scheduleMinutes ?? null }, actor);
    return this.current(applicationId);
  }

  @Mutation(() => Application, { description: `Replaces every credential of the application (to rotate one, send all). ${ADMIN}` })
  async setApplicationCredentials(
    @Arg('id', () => ID) id: string,
    @Arg('credentials', () => [CredentialInput]) credentials: CredentialInput[],
  ): Promise<Application> {
    const actor = this.guard.requireAdministrator('setApplicationCredentials');
    await this.administration.setCredentials(id, toCredentials(credentials), actor);
    return this.current(id);
  }

  @Mutation(() => Application, { description: `Pauses provisioning to the application; pausing a paused one changes nothing. ${ADMIN}` })
  async pauseApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<Application> {
    const actor = this.guard.requireAdministrator('pauseApplication');
    await this.administration.pause(id, reason, actor);
    return this.current(id);
  }

  @Mutation(() => Application, { description: `Resumes provisioning; resuming an active one changes nothing. ${ADMIN}` })
  async resumeApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<Application> {
    const actor = this.guard.requireAdministrator('resumeApplication');
    await this.administration.resume(id, reason, actor);
    return this.current(id);
  }

  @Mutation(() => Application, { description: `Gives the application another owner, by employee number. ${ADMIN}` })
  async changeApplicationOwner(
    @Arg('id', () => ID) id: string,
    @Arg('ownerEmployeeNumber', () => String) ownerEmployeeNumber: string,
  ): Promise<Application> {
    const actor = this.guard.requireAdministrator('changeApplicationOwner');
    await this.administration.changeOwner(id, ownerEmployeeNumber, actor);
    return this.current(id);
  }

  @Mutation(() => ConnectionTest, { description: `Asks the target whether it answers with the configured credentials. ${ADMIN}` })
  async testApplicationConnection(@Arg('id', () => ID) id: string): Promise<ConnectionTest> {
    this.guard.requireAdministrator('testApplicationConnection');
    return toConnectionTest(await this.catalog.testConnection(id));
  }

  private async current(id: string): Promise<Application> {
    await this.queries.caughtUp();
    const view = await this.queries.application(id);
    if (!view) throw new DomainError('not_found', `application "${id}" is not registered`, { applicationId: id });
    return toApplication(view);
  }
}
