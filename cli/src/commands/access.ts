import { accessLines } from '../output/format-access';
import { type CommandContext, personOf, signedIn } from './context';

/** My assignments and when they end. */
export async function access(context: CommandContext, options: { all?: boolean }): Promise<void> {
  const { caller, api } = await signedIn(context);
  const employeeNumber = personOf(caller, 'access');
  const assignments = await api.assignments(employeeNumber, options.all === true);
  context.reporter.result(
    {
      employeeNumber,
      assignments: assignments.map((assignment) => ({
        entitlement: `${assignment.applicationId}/${assignment.entitlementKey}`,
        ...assignment,
      })),
    },
    accessLines(assignments, context.now()),
  );
}
