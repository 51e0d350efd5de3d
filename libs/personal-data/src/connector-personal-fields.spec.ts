import { connectorPersonalDataSubject, mapConnectorPersonalValues } from './connector-personal-fields';
import { carriesPersonalData, mapPersonalValuesOf } from './personal-values';

const mark = (subject: string, value: unknown) => `<${subject}:${String(value)}>`;
const step = { operationId: 'op-1', identityId: 'id-1', userName: 'ingrid.nyqvist', note: 'done by phone', employeeNumber: '1001' };

describe('personal fields of the connector operation events', () => {
  it('given a success step of a person, when mapped, then the user name and note are sealed under their identity stream', () => {
    expect(mapConnectorPersonalValues('operation-op-1', 'AccountCreated', step, mark)).toEqual({
      ...step,
      userName: '<identity-1001:ingrid.nyqvist>',
      note: '<identity-1001:done by phone>',
    });
  });

  it('given a manual task, when mapped, then its instructions and user name are personal and its owner is not', () => {
    const task = {
      operationId: 'op-1',
      ownerEmployeeNumber: '9',
      instructions: 'Disable Ingrid Nyqvist (1001)',
      userName: 'ingrid',
      employeeNumber: '1001',
    };

    expect(mapConnectorPersonalValues('operation-op-1', 'ManualTaskOpened', task, mark)).toEqual({
      ...task,
      instructions: '<identity-1001:Disable Ingrid Nyqvist (1001)>',
      userName: '<identity-1001:ingrid>',
    });
  });

  it('given user names made from the employee number or already erased, when mapped, then they stay clear (they name no one)', () => {
    for (const userName of ['employee-1001', 'erased-1001', '[erased]']) {
      const data = { ...step, userName, note: null };
      expect(mapConnectorPersonalValues('operation-op-1', 'AccountDisabled', data, mark)).toBe(data);
    }
  });

  it('given events that name nobody (an orphan account, an older event, another stream, a failure), when mapped, then they are untouched', () => {
    const orphan = { ...step, employeeNumber: null };
    const older = { operationId: 'op-1', userName: 'ingrid' };

    expect(mapConnectorPersonalValues('operation-op-1', 'AccountDisabled', orphan, mark)).toBe(orphan);
    expect(mapConnectorPersonalValues('operation-op-1', 'AccountDisabled', older, mark)).toBe(older);
    expect(mapConnectorPersonalValues('drift-1', 'AccountDisabled', step, mark)).toBe(step);
    expect(mapConnectorPersonalValues('operation-op-1', 'OperationFailed', step, mark)).toBe(step);
    expect(connectorPersonalDataSubject('operation-op-1', 'OperationAttemptFailed', step)).toBeNull();
    expect(connectorPersonalDataSubject('operation-op-1', 'EntitlementGranted', step)).toBe('identity-1001');
  });

  describe('the request of an operation', () => {
    const request = {
      operationId: 'drift.abc:1',
      action: 'disable-account',
      applicationId: 'crm',
      identityId: 'id-1',
      cause: { kind: 'drift', reference: 'abc' },
      userName: 'ingrid.nyqvist',
      employeeNumber: '1001',
    };

    it('given a drift remediation of a person, when mapped, then the account it names is sealed under their identity stream', () => {
      expect(mapPersonalValuesOf('operation-drift.abc:1', 'OperationRequested', request, mark)).toEqual({
        ...request,
        userName: '<identity-1001:ingrid.nyqvist>',
      });
      expect(connectorPersonalDataSubject('operation-drift.abc:1', 'OperationRequested', request)).toBe('identity-1001');
      expect(carriesPersonalData('OperationRequested')).toBe(true);
    });

    it('given a request naming no account, or a user name made from the employee number or already erased, when mapped, then it stays clear', () => {
      const { userName: _none, ...leaver } = request;
      expect(mapConnectorPersonalValues('operation-drift.abc:1', 'OperationRequested', leaver, mark)).toBe(leaver);
      for (const userName of ['employee-1001', 'erased-1001', '[erased]']) {
        const data = { ...request, userName };
        expect(mapConnectorPersonalValues('operation-drift.abc:1', 'OperationRequested', data, mark)).toBe(data);
      }
    });

    it('given a request of nobody (an orphan account) or recorded before it carried the employee number, when mapped, then it is untouched', () => {
      const orphan = { ...request, identityId: '', employeeNumber: null };
      const { employeeNumber: _older, ...older } = request;
      expect(mapConnectorPersonalValues('operation-drift.abc:1', 'OperationRequested', orphan, mark)).toBe(orphan);
      expect(mapConnectorPersonalValues('operation-drift.abc:1', 'OperationRequested', older, mark)).toBe(older);
    });
  });
});
