import { renderStatusTable } from './status-table';

describe('status table', () => {
  it('shows each process with its state, pid, port, restarts and what is going on', () => {
    const table = renderStatusTable(
      [
        {
          name: 'identity',
          port: 4101,
          state: { status: 'ready', pid: 1234, startedAt: 0, failedProbes: 0, history: { restarts: 0, consecutiveFastCrashes: 0 } },
        },
        {
          name: 'workflow',
          port: 4103,
          state: {
            status: 'crashed',
            lastExit: { code: 1, signal: null },
            restartAt: 3_000,
            history: { restarts: 2, consecutiveFastCrashes: 2 },
          },
        },
        {
          name: 'connector',
          port: 4104,
          state: { status: 'failed', lastExit: { code: null, signal: 'SIGSEGV' }, history: { restarts: 4, consecutiveFastCrashes: 5 } },
        },
        { name: 'gateway', port: 4000, state: { status: 'waiting', history: { restarts: 0, consecutiveFastCrashes: 0 } } },
      ],
      1_000,
    );
    expect(table.split('\n')).toEqual([
      '  PROCESS    STATE    PID   PORT  RESTARTS',
      '  identity   ready    1234  4101  0',
      '  workflow   crashed  -     4103  2         exit code 1; restarting in 2.0 s',
      '  connector  failed   -     4104  4         gave up after 5 crashes in a row, each soon after start; last: killed by SIGSEGV',
      '  gateway    waiting  -     4000  0',
    ]);
  });

  it('notes how a stopped process ended only when it did not stop in an orderly way', () => {
    const history = { restarts: 0, consecutiveFastCrashes: 0 };
    const table = renderStatusTable(
      [
        { name: 'policy', state: { status: 'stopped', lastExit: { code: null, signal: 'SIGTERM' }, history } },
        { name: 'gateway', state: { status: 'stopped', lastExit: { code: null, signal: 'SIGKILL' }, history } },
      ],
      0,
    );
    expect(table.split('\n').slice(1)).toEqual([
      '  policy   stopped  -    -     0',
      '  gateway  stopped  -    -     0         killed by SIGKILL',
    ]);
  });
});
