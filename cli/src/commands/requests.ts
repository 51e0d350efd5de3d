import { approvalsLines, requestsLines } from '../output/format-requests';
import { type CommandContext, personOf, signedIn } from './context';

/** My access requests, newest first. */
export async function requests(context: CommandContext): Promise<void> {
  const { caller, api } = await signedIn(context);
  const employeeNumber = personOf(caller, 'requests');
  const mine = await api.requests(employeeNumber);
  context.reporter.result({ employeeNumber, requests: mine }, requestsLines(mine, context.now()));
}

/** Requests waiting for my approval; with an administrator API token, those only administrators can decide. */
export async function approvals(context: CommandContext): Promise<void> {
  const { caller, api } = await signedIn(context);
  const waiting = caller.employeeNumber ? await api.pendingApprovals(caller.employeeNumber) : await api.administratorApprovals();
  context.reporter.result({ employeeNumber: caller.employeeNumber ?? null, requests: waiting }, approvalsLines(waiting, context.now()));
}
