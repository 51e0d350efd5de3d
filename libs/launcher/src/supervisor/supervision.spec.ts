import { deciderSpec } from '@tenure/testing';
import type { RestartPolicy } from './restart-policy';
import { decide, evolve, initialSupervisedState, type SupervisionEvent } from './supervision';

const policy: RestartPolicy = {
  stableAfterMs: 10_000,
  maxFastCrashes: 3,
  initialBackoffMs: 500,
  maxBackoffMs: 1_500,
  failedProbesBeforeUnready: 2,
};
const supervision = deciderSpec({ decide: decide.bind(null, policy), evolve, initialState: initialSupervisedState });
const exit1 = { code: 1, signal: null };
const spawned = (pid: number, at: number): SupervisionEvent => ({ type: 'Spawned', pid, at });
const crashed = (at: number, restartAt: number): SupervisionEvent => ({ type: 'Crashed', exit: exit1, at, fast: true, restartAt });

describe('supervision of one process', () => {
  it('starts when spawned and becomes ready on the first good probe', () => {
    supervision
      .given([])
      .when({ type: 'RecordSpawn', pid: 10, at: 0 })
      .then([spawned(10, 0)]);
    supervision
      .given([spawned(10, 0)])
      .when({ type: 'RecordProbe', ready: true, at: 300 })
      .then([{ type: 'BecameReady', at: 300 }]);
    supervision
      .given([spawned(10, 0)])
      .when({ type: 'RecordProbe', ready: false, at: 300 })
      .then([]);
  });

  it('schedules a restart after a crash, doubling the wait for each fast crash in a row', () => {
    supervision
      .given([spawned(10, 0)])
      .when({ type: 'RecordExit', exit: exit1, at: 1_000 })
      .then([crashed(1_000, 1_500)]);
    supervision
      .given([spawned(10, 0), crashed(1_000, 1_500), spawned(11, 1_500)])
      .when({ type: 'RecordExit', exit: exit1, at: 2_000 })
      .then([crashed(2_000, 3_000)]);
  });

  it('caps the wait between restarts', () => {
    const policyWithRoom = { ...policy, maxFastCrashes: 10 };
    const events = [
      spawned(1, 0),
      crashed(100, 600),
      spawned(2, 600),
      crashed(700, 1_700),
      spawned(3, 1_700),
      crashed(1_800, 3_800),
      spawned(4, 3_800),
    ];
    const state = events.reduce(evolve, initialSupervisedState());
    expect(decide(policyWithRoom, { type: 'RecordExit', exit: exit1, at: 4_000 }, state)).toEqual([crashed(4_000, 5_500)]);
  });

  it('gives up after the allowed number of fast crashes in a row', () => {
    supervision
      .given([spawned(1, 0), crashed(100, 600), spawned(2, 600), crashed(700, 1_700), spawned(3, 1_700)])
      .when({ type: 'RecordExit', exit: exit1, at: 1_800 })
      .then([{ type: 'GaveUp', exit: exit1, at: 1_800, fastCrashes: 3 }]);
  });

  it('forgives earlier crashes once a run lasted longer than the stable time', () => {
    supervision
      .given([spawned(1, 0), crashed(100, 600), spawned(2, 600), crashed(700, 1_700), spawned(3, 1_700)])
      .when({ type: 'RecordExit', exit: exit1, at: 60_000 })
      .then([{ type: 'Crashed', exit: exit1, at: 60_000, fast: false, restartAt: 60_500 }]);
  });

  it('counts a process that cannot even be spawned as a fast crash', () => {
    supervision
      .given([])
      .when({ type: 'RecordSpawnFailure', error: 'spawn nodejs ENOENT', at: 0 })
      .then([{ type: 'Crashed', exit: { code: null, signal: null, error: 'spawn nodejs ENOENT' }, at: 0, fast: true, restartAt: 500 }]);
  });

  it('counts restarts and keeps them across crashes', () => {
    const state = [spawned(1, 0), crashed(100, 600), spawned(2, 600), crashed(700, 1_700), spawned(3, 1_700)].reduce(
      evolve,
      initialSupervisedState(),
    );
    expect(state).toMatchObject({ status: 'starting', pid: 3, history: { restarts: 2, consecutiveFastCrashes: 2 } });
  });

  it('marks a ready process unready only after consecutive failed probes, and ready again when it answers', () => {
    const ready: SupervisionEvent[] = [spawned(1, 0), { type: 'BecameReady', at: 100 }];
    supervision
      .given(ready)
      .when({ type: 'RecordProbe', ready: false, at: 200 })
      .then([{ type: 'ProbeFailed', at: 200 }]);
    supervision
      .given([...ready, { type: 'ProbeFailed', at: 200 }])
      .when({ type: 'RecordProbe', ready: false, at: 300 })
      .then([{ type: 'BecameUnready', at: 300 }]);
    supervision
      .given([...ready, { type: 'ProbeFailed', at: 200 }])
      .when({ type: 'RecordProbe', ready: true, at: 300 })
      .then([{ type: 'ProbeSucceeded', at: 300 }]);
    supervision
      .given([...ready, { type: 'ProbeFailed', at: 200 }, { type: 'BecameUnready', at: 300 }])
      .when({ type: 'RecordProbe', ready: true, at: 400 })
      .then([{ type: 'BecameReady', at: 400 }]);
  });

  it('stops a running process on request and records its exit as a stop, not a crash', () => {
    supervision
      .given([spawned(1, 0)])
      .when({ type: 'RequestStop', at: 50 })
      .then([{ type: 'StopRequested', at: 50 }]);
    supervision
      .given([spawned(1, 0), { type: 'StopRequested', at: 50 }])
      .when({ type: 'RecordExit', exit: { code: null, signal: 'SIGTERM' }, at: 80 })
      .then([{ type: 'Stopped', exit: { code: null, signal: 'SIGTERM' }, at: 80 }]);
  });

  it('stops at once what is waiting for a restart or was given up on', () => {
    supervision
      .given([spawned(1, 0), crashed(100, 600)])
      .when({ type: 'RequestStop', at: 200 })
      .then([{ type: 'Stopped', exit: exit1, at: 200 }]);
    supervision
      .given([])
      .when({ type: 'RequestStop', at: 0 })
      .then([{ type: 'Stopped', exit: undefined, at: 0 }]);
  });

  it('ignores, with a reason, observations that no longer apply', () => {
    supervision
      .given([spawned(1, 0), crashed(100, 600)])
      .when({ type: 'RecordProbe', ready: true, at: 150 })
      .then([{ type: 'Ignored', command: 'RecordProbe', reason: 'a probe answer is meaningless while crashed' }]);
    supervision
      .given([spawned(1, 0), { type: 'StopRequested', at: 50 }])
      .when({ type: 'RecordSpawn', pid: 2, at: 60 })
      .then([{ type: 'Ignored', command: 'RecordSpawn', reason: 'a process cannot be spawned while stopping' }]);
  });
});
