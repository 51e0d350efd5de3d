import { CliError, ExitCode } from '../exit-codes';
import { requestLines } from '../output/format-requests';
import { type CommandContext, signedIn } from './context';

/** Approves or denies one request (the open step that waits for me). */
export async function decide(
  context: CommandContext,
  decision: 'approve' | 'deny',
  id: string,
  options: { comment?: string },
): Promise<void> {
  const comment = options.comment?.trim() ?? '';
  if (decision === 'deny' && !comment) {
    throw new CliError('Say why with --comment "...": the requester reads it', ExitCode.USAGE);
  }
  const { api } = await signedIn(context);
  const decided = await api.decide(decision, id.trim(), comment);
  const verb = decision === 'approve' ? 'Approved' : 'Denied';
  context.reporter.result({ decision, request: decided }, [`${verb}.`, ...requestLines(decided, context.now())]);
}
