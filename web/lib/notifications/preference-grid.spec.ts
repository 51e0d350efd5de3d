import { changesToSave, describeChange, preferenceGrid, type NotificationPreference } from './preference-grid';

/** What the workflow service answers with email configured and Slack not: every kind on both channels. */
function preferences(overrides: Partial<Record<string, boolean>> = {}): NotificationPreference[] {
  const kinds = [
    'APPROVAL_WAITING',
    'REVIEW_ITEMS_WAITING',
    'REVIEW_ITEMS_DUE',
    'REQUEST_DECIDED',
    'ACCESS_EXPIRING',
    'MANUAL_TASK_ASSIGNED',
    'LEAVER_COMPLETED',
  ];
  return kinds.flatMap((kind) =>
    (['EMAIL', 'SLACK'] as const).map((channel) => ({
      kind,
      channel,
      enabled: overrides[`${kind}.${channel}`] ?? true,
      channelConfigured: channel === 'EMAIL',
    })),
  );
}

describe('notification preferences as a table', () => {
  it('given every kind on both channels, when laid out, then each kind is a row in the portal’s order with a cell per channel, email first', () => {
    const grid = preferenceGrid([...preferences()].reverse());

    expect(grid.channels).toEqual([
      { channel: 'EMAIL', label: 'Email', configured: true },
      { channel: 'SLACK', label: 'Slack', configured: false },
    ]);
    expect(grid.rows.map((row) => row.kind)).toEqual([
      'APPROVAL_WAITING',
      'REQUEST_DECIDED',
      'ACCESS_EXPIRING',
      'REVIEW_ITEMS_WAITING',
      'REVIEW_ITEMS_DUE',
      'MANUAL_TASK_ASSIGNED',
      'LEAVER_COMPLETED',
    ]);
    expect(grid.rows[1]).toEqual({
      kind: 'REQUEST_DECIDED',
      label: 'Request decided',
      description: 'A request you made, or made for you, was granted, denied, failed or cancelled.',
      cells: [
        { kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: true, configured: true, field: 'REQUEST_DECIDED.EMAIL' },
        { kind: 'REQUEST_DECIDED', channel: 'SLACK', enabled: true, configured: false, field: 'REQUEST_DECIDED.SLACK' },
      ],
    });
  });

  it('given a channel that is not configured, when laid out, then it stays in the table as unavailable, with the person’s saved choice', () => {
    const grid = preferenceGrid(preferences({ 'ACCESS_EXPIRING.SLACK': false }));

    const slack = grid.rows.find((row) => row.kind === 'ACCESS_EXPIRING')!.cells.find((cell) => cell.channel === 'SLACK');
    expect(slack).toMatchObject({ configured: false, enabled: false });
    expect(grid.channels.find((channel) => channel.channel === 'SLACK')?.configured).toBe(false);
  });

  it('given a kind and a channel the portal does not know yet, when laid out, then they come last, named from the API’s values', () => {
    const grid = preferenceGrid([
      ...preferences(),
      { kind: 'CERTIFICATE_EXPIRING', channel: 'EMAIL', enabled: false, channelConfigured: true },
      { kind: 'APPROVAL_WAITING', channel: 'MS_TEAMS', enabled: true, channelConfigured: true },
    ]);

    expect(grid.channels.map((channel) => channel.label)).toEqual(['Email', 'Slack', 'Ms teams']);
    expect(grid.rows.at(-1)).toMatchObject({ kind: 'CERTIFICATE_EXPIRING', label: 'Certificate expiring', description: '' });
    expect(grid.rows.at(-1)!.cells.map((cell) => cell.channel)).toEqual(['EMAIL']);
  });

  it('given no preferences, when laid out, then the table is empty', () => {
    expect(preferenceGrid([])).toEqual({ channels: [], rows: [] });
  });
});

describe('saving the notification preferences form', () => {
  const shownEmail = preferences()
    .filter((preference) => preference.channel === 'EMAIL')
    .map((preference) => `${preference.kind}.EMAIL`);
  const allOn = Object.fromEntries(shownEmail.map((field) => [field, 'on']));

  it('given every switch left on, when saved, then nothing changes', () => {
    expect(changesToSave(preferences(), shownEmail, allOn)).toEqual([]);
  });

  it('given one switch turned off (browsers do not send unticked boxes), when saved, then exactly that kind is turned off on that channel', () => {
    const { 'REQUEST_DECIDED.EMAIL': _off, ...values } = allOn;

    expect(changesToSave(preferences(), shownEmail, values)).toEqual([{ kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false }]);
  });

  it('given a switch turned back on, when saved, then that kind is turned on again', () => {
    const current = preferences({ 'ACCESS_EXPIRING.EMAIL': false });

    expect(changesToSave(current, shownEmail, allOn)).toEqual([{ kind: 'ACCESS_EXPIRING', channel: 'EMAIL', enabled: true }]);
  });

  it('given a channel that is not configured, when saved, then its preferences are never changed, even if the form names them', () => {
    const values = { ...allOn, 'APPROVAL_WAITING.SLACK': 'on' };

    expect(changesToSave(preferences({ 'APPROVAL_WAITING.SLACK': false }), [...shownEmail, 'APPROVAL_WAITING.SLACK'], values)).toEqual([]);
  });

  it('given a preference the form did not show (the page was older than the platform), when saved, then it is left alone', () => {
    const current = [...preferences(), { kind: 'CERTIFICATE_EXPIRING', channel: 'EMAIL', enabled: true, channelConfigured: true }];

    expect(changesToSave(current, shownEmail, allOn)).toEqual([]);
  });

  it('given a change, when described, then it names the channel, the kind and the new state', () => {
    expect(describeChange({ kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false })).toBe('Email for “Request decided” is now off');
    expect(describeChange({ kind: 'APPROVAL_WAITING', channel: 'SLACK', enabled: true })).toBe(
      'Slack for “Approval waiting for you” is now on',
    );
  });
});
