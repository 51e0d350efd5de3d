import { completingStep, type OpenManualTask, type OperationSuccessType } from '../domain/operation';
import { assertNever } from '../domain/assert-never';
import type { ManualSettings } from '../connectors/connector-types';
import type { PreparedOperation } from './prepared-operation';

const HOUR_MS = 3_600_000;

export interface TaskApplication {
  readonly name: string;
  readonly ownerEmployeeNumber: string;
  readonly settings: ManualSettings;
}

/**
 * The task a person does instead of a connector: what to do, in words the application owner acts
 * on ("Disable the account of Jane Doe (10042) in Payroll"), what completing it records, and when
 * it is due (a leaver's sooner).
 */
export function manualTaskFor(operation: PreparedOperation, application: TaskApplication, now: Date): OpenManualTask['data'] {
  const { request, account } = operation;
  const who = account.employeeNumber ? `${account.displayName} (${account.employeeNumber})` : `user name ${account.userName}`;
  const where = `in ${application.name}`;
  const key = request.entitlementKey ?? '';
  let instructions: string;
  let completes: readonly OperationSuccessType[] = [completingStep(request.action)];
  switch (request.action) {
    case 'grant':
      instructions = `Grant ${key} to ${who} ${where}, to the account ${account.userName}: create it first if there is none, enable it if it is disabled.`;
      break;
    case 'revoke':
      instructions = `Revoke ${key} from ${who} ${where} (account ${account.userName}).`;
      if (operation.disableAccount) {
        instructions += ' It was their last access there: disable the account too.';
        completes = ['AccountDisabled', 'EntitlementRevoked'];
      }
      break;
    case 'disable-account':
      instructions = `Disable the account of ${who} ${where} (account ${account.userName}).`;
      break;
    case 'enable-account':
      instructions = `Enable the account of ${who} ${where} (account ${account.userName}).`;
      break;
    case 'create-account':
      instructions = `Create the account ${account.userName} for ${who} ${where}, with the email ${account.email}.`;
      break;
    case 'update-account':
      instructions = `Update the account ${account.userName} of ${who} ${where}: name "${account.displayName}", email ${account.email}.`;
      break;
    default:
      return assertNever(request.action);
  }
  const hours = request.priority === 'leaver' ? application.settings.leaverTaskDueHours : application.settings.taskDueHours;
  return {
    ownerEmployeeNumber: application.ownerEmployeeNumber,
    instructions,
    userName: account.userName,
    completes,
    dueAt: new Date(now.getTime() + hours * HOUR_MS),
    now,
    employeeNumber: account.employeeNumber || null,
  };
}
