import type { ErrorCode } from '@tenure/event-sourcing';
import type { CommandOrigin, IdentityCommands } from '../../application/identity-commands';
import type { HrRecord, HrSource } from '../../domain/hr-record';
import { diffHrRecords, isEmptyChangeSet, type CurrentIdentities } from '../../hr-inputs/csv';
import type { HrChangeKind, HrRecordCorrectionOutcome } from '../domain';
import { applyHrChanges } from './apply-hr-changes';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>(['validation', 'not_found', 'forbidden', 'illegal_state', 'conflict']);

function isErrorCode(code: string): code is ErrorCode {
  return ERROR_CODES.has(code);
}

/**
 * Applies one corrected record like an import of a file holding only it (not complete: nobody else
 * leaves): its real change against the directory, through the same identity commands. A refusal by
 * the identity (a domain error) is an outcome; anything else (the database gone) is thrown.
 */
export async function applyCorrectedRecord(
  record: HrRecord,
  current: CurrentIdentities,
  commands: IdentityCommands,
  options: { readonly asOf: string; readonly source: HrSource; readonly origin: CommandOrigin; readonly now: () => Date },
): Promise<HrRecordCorrectionOutcome> {
  const changeSet = diffHrRecords([record], current, { asOf: options.asOf });
  if (isEmptyChangeSet(changeSet)) return { result: 'unchanged' };
  const { applied, failures } = await applyHrChanges(changeSet, commands, { ...options, concurrency: 1 });
  const [failure] = failures;
  if (failure) {
    if (!isErrorCode(failure.code)) {
      throw new Error(`applying the corrected record of employee ${failure.employeeNumber} failed: ${failure.error}`);
    }
    return { result: 'failed', code: failure.code, error: failure.error };
  }
  const changes = (Object.keys(applied) as HrChangeKind[]).filter((kind) => applied[kind] > 0);
  return { result: 'applied', changes };
}
