import { parseHrWebhookEvent } from './hr-webhook-event';

const record = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com', employmentType: 'employee' };

describe('HR webhook body', () => {
  it('given a hire with an effective date, then the record starts that day, with defaults for what the sender left out', () => {
    const parsed = parseHrWebhookEvent({
      eventId: 'e1',
      type: 'hire',
      effectiveDate: '2026-09-01',
      employeeNumber: '1042',
      record: { ...record, startDate: '2026-08-01' },
      senderMetadata: { batch: 7 },
    });

    expect(parsed).toEqual({
      ok: true,
      event: {
        eventId: 'e1',
        type: 'hire',
        effectiveDate: '2026-09-01',
        employeeNumber: '1042',
        reason: null,
        record: {
          employeeNumber: '1042',
          startDate: '2026-09-01',
          terminationDate: null,
          active: true,
          attributes: {
            ...record,
            department: '',
            title: '',
            managerEmployeeNumber: null,
            location: '',
            costCenter: '',
            custom: {},
          },
        },
      },
    });
  });

  it('given a hire without an effective date, then the record start date is used, and one of the two is required', () => {
    const withStartDate = parseHrWebhookEvent({
      eventId: 'e2',
      type: 'hire',
      employeeNumber: '1',
      record: { ...record, startDate: '2026-08-01' },
    });
    const withNeither = parseHrWebhookEvent({ eventId: 'e3', type: 'hire', employeeNumber: '1', record });

    expect(withStartDate.ok && withStartDate.event.type === 'hire' && withStartDate.event.record.startDate).toBe('2026-08-01');
    expect(withNeither).toEqual({
      ok: false,
      problems: [{ field: 'effectiveDate', problem: 'or record.startDate is required for a hire (the first day of work)' }],
    });
  });

  it('refuses data that does not belong to the event type, and a missing or unknown type', () => {
    expect(parseHrWebhookEvent({ eventId: 'e4', type: 'terminate', employeeNumber: '1', record, changes: { title: 'x' } })).toEqual({
      ok: false,
      problems: [
        { field: 'record', problem: 'is only accepted for a hire, not for terminate' },
        { field: 'changes', problem: 'is only accepted for a change, not for terminate' },
      ],
    });
    expect(parseHrWebhookEvent({ eventId: 'e5', type: 'promote', employeeNumber: '1' })).toEqual({
      ok: false,
      problems: [{ field: 'type', problem: 'is not one of hire, change, terminate, cancel-termination, leave-start, leave-end' }],
    });
  });

  it('names every missing or wrong field of the envelope', () => {
    expect(parseHrWebhookEvent({ type: 'change', employeeNumber: '', effectiveDate: 20260901, changes: {} })).toEqual({
      ok: false,
      problems: [
        { field: 'eventId', problem: 'is required' },
        { field: 'effectiveDate', problem: 'must be a string' },
        { field: 'employeeNumber', problem: 'is empty but required' },
        { field: 'changes', problem: 'names no attribute to change' },
      ],
    });
    expect(parseHrWebhookEvent([1, 2])).toEqual({ ok: false, problems: [{ field: '(body)', problem: 'must be a JSON object' }] });
  });

  it('keeps a change to no manager (null) apart from a change that does not touch the manager', () => {
    const parsed = parseHrWebhookEvent({ eventId: 'e6', type: 'change', employeeNumber: '1', changes: { managerEmployeeNumber: null } });
    expect(parsed.ok && parsed.event.type === 'change' && parsed.event.changes).toEqual({ managerEmployeeNumber: null });
  });
});
