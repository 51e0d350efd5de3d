import { CliError, ExitCode } from '../exit-codes';
import { formatHours, parseDuration } from '../parse/duration';
import { formatEntitlementRef, parseEntitlementRef } from '../parse/entitlement-ref';
import { decisionLines } from '../output/format-decision';
import { requestLines } from '../output/format-requests';
import { type CommandContext, personOf, signedIn } from './context';

export interface RequestOptions {
  readonly for: string;
  readonly reason: string;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
}

/**
 * Asks for time-bound access: the policy's decision first (evaluateAccessRequest), then, if allowed and confirmed,
 * the request itself (requestAccess). A refusal, before or after submitting, ends with the policy's reasons.
 */
export async function request(context: CommandContext, entitlementText: string, options: RequestOptions): Promise<void> {
  const { reporter } = context;
  const ref = parseEntitlementRef(entitlementText);
  const hours = parseDuration(options.for);
  const justification = options.reason.trim();
  if (!justification) throw new CliError('Say why you need it with --reason "..."', ExitCode.USAGE);
  const entitlement = formatEntitlementRef(ref);

  const { caller, api } = await signedIn(context);
  const employeeNumber = personOf(caller, 'request');
  await api.entitlement(ref);
  const decision = await api.evaluate(employeeNumber, ref, hours);
  reporter.show(decisionLines(entitlement, hours, decision));
  if (!decision.allowed) {
    throw new CliError(`The policy refuses ${entitlement} for you`, ExitCode.REFUSED, decision.reasons, {
      data: { entitlement, decision },
    });
  }
  if (options.dryRun) {
    reporter.result({ entitlement, durationHours: hours, decision, request: null }, ['', 'Dry run: nothing was requested.']);
    return;
  }
  if (reporter.interactive && !options.yes) {
    const confirmed = await reporter.confirm(`Request ${entitlement} for ${formatHours(hours)}?`);
    if (!confirmed)
      throw new CliError('Not requested: not confirmed', ExitCode.FAILURE, [], { data: { entitlement, decision, request: null } });
  }

  const made = await api.requestAccess(ref, hours, justification);
  if (made.status === 'REFUSED') {
    throw new CliError(`The policy refused the request for ${entitlement}`, ExitCode.REFUSED, made.decisionReasons, {
      data: { entitlement, decision, request: made },
    });
  }
  const next =
    made.status === 'PENDING'
      ? 'Waiting for approval; follow it with `tenure requests`.'
      : 'Approved; `tenure access` shows it once the application has granted it.';
  reporter.result({ entitlement, durationHours: hours, decision, request: made }, ['', ...requestLines(made, context.now()), '', next]);
}
