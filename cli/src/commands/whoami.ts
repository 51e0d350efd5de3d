import { formatInstant } from '../output/time';
import { displayUrl } from '../url';
import { type CommandContext, signedIn } from './context';

/** Who the command line acts as, checked with the gateway. */
export async function whoami(context: CommandContext): Promise<void> {
  const { caller, api } = await signedIn(context);
  const common = {
    tokenSource: caller.source,
    apiUrl: displayUrl(caller.apiUrl),
    expiresAt: caller.expiresAt?.toISOString() ?? null,
  };
  if (!caller.employeeNumber) {
    // Any signed-in caller may read the catalog: a cheap way to prove the token works.
    await api.searchCatalog(undefined, 1);
    context.reporter.result({ kind: 'api-token', ...common }, [
      `An administrator API token (from TENURE_TOKEN), accepted by ${common.apiUrl}.`,
    ]);
    return;
  }
  const person = await api.person(caller.employeeNumber);
  const lines = [
    `${person.displayName} (${person.employeeNumber}), ${person.title}, ${person.department}`,
    `  email:    ${person.email}`,
    `  manager:  ${person.manager ? `${person.manager.displayName} (${person.manager.employeeNumber})` : '-'}`,
    `  groups:   ${caller.groups.join(', ') || '-'}`,
    `  gateway:  ${common.apiUrl}`,
    `  token:    ${caller.source === 'TENURE_TOKEN' ? 'from TENURE_TOKEN' : 'stored sign-in'}${caller.expiresAt ? `, expires ${formatInstant(caller.expiresAt.toISOString(), context.now())}` : ''}`,
  ];
  context.reporter.result(
    {
      kind: 'person',
      employeeNumber: person.employeeNumber,
      name: person.displayName,
      email: person.email,
      department: person.department,
      title: person.title,
      manager: person.manager,
      groups: caller.groups,
      ...common,
    },
    lines,
  );
}
