import { restartDelayMs, type RestartPolicy } from './restart-policy';

/**
 * The life of one supervised process as a decider: observations of the real process come in as
 * commands (it was spawned, it answered a probe, it exited, we want it stopped), `decide` turns them
 * into events and `evolve` folds events into state. No I/O and no clock: times arrive in the commands.
 */

/** How a process ended: exit code or signal, or why it could not be spawned at all. */
export interface ExitReport {
  readonly code: number | null;
  readonly signal: string | null;
  readonly error?: string;
}

/** Counters that survive restarts. */
export interface RunHistory {
  /** Restarts so far after crashes. */
  readonly restarts: number;
  /** Crashes in a row that each came soon after a start (see RestartPolicy.stableAfterMs). */
  readonly consecutiveFastCrashes: number;
}

export type SupervisedState =
  | { readonly status: 'waiting'; readonly history: RunHistory }
  | { readonly status: 'starting'; readonly pid: number; readonly startedAt: number; readonly history: RunHistory }
  | {
      readonly status: 'ready';
      readonly pid: number;
      readonly startedAt: number;
      readonly failedProbes: number;
      readonly history: RunHistory;
    }
  | { readonly status: 'unready'; readonly pid: number; readonly startedAt: number; readonly history: RunHistory }
  | { readonly status: 'crashed'; readonly lastExit: ExitReport; readonly restartAt: number; readonly history: RunHistory }
  | { readonly status: 'failed'; readonly lastExit: ExitReport; readonly history: RunHistory }
  | { readonly status: 'stopping'; readonly pid: number; readonly history: RunHistory }
  | { readonly status: 'stopped'; readonly lastExit: ExitReport | undefined; readonly history: RunHistory };

export type SupervisedStatus = SupervisedState['status'];

export type SupervisionCommand =
  | { readonly type: 'RecordSpawn'; readonly pid: number; readonly at: number }
  | { readonly type: 'RecordSpawnFailure'; readonly error: string; readonly at: number }
  | { readonly type: 'RecordProbe'; readonly ready: boolean; readonly at: number }
  | { readonly type: 'RecordExit'; readonly exit: ExitReport; readonly at: number }
  | { readonly type: 'RequestStop'; readonly at: number };

export type SupervisionEvent =
  | { readonly type: 'Spawned'; readonly pid: number; readonly at: number }
  | { readonly type: 'BecameReady'; readonly at: number }
  | { readonly type: 'ProbeFailed'; readonly at: number }
  | { readonly type: 'ProbeSucceeded'; readonly at: number }
  | { readonly type: 'BecameUnready'; readonly at: number }
  | { readonly type: 'Crashed'; readonly exit: ExitReport; readonly at: number; readonly fast: boolean; readonly restartAt: number }
  | { readonly type: 'GaveUp'; readonly exit: ExitReport; readonly at: number; readonly fastCrashes: number }
  | { readonly type: 'StopRequested'; readonly at: number }
  | { readonly type: 'Stopped'; readonly exit: ExitReport | undefined; readonly at: number }
  | { readonly type: 'Ignored'; readonly command: SupervisionCommand['type']; readonly reason: string };

export const initialSupervisedState = (): SupervisedState => ({ status: 'waiting', history: { restarts: 0, consecutiveFastCrashes: 0 } });

export function isRunning(state: SupervisedState): state is Extract<SupervisedState, { pid: number }> {
  return state.status === 'starting' || state.status === 'ready' || state.status === 'unready' || state.status === 'stopping';
}

export function decide(policy: RestartPolicy, command: SupervisionCommand, state: SupervisedState): readonly SupervisionEvent[] {
  const ignore = (reason: string): readonly SupervisionEvent[] => [{ type: 'Ignored', command: command.type, reason }];
  switch (command.type) {
    case 'RecordSpawn':
      if (state.status !== 'waiting' && state.status !== 'crashed') return ignore(`a process cannot be spawned while ${state.status}`);
      return [{ type: 'Spawned', pid: command.pid, at: command.at }];

    case 'RecordSpawnFailure':
      if (state.status !== 'waiting' && state.status !== 'crashed') return ignore(`no spawn was attempted while ${state.status}`);
      return crash(policy, state.history, { code: null, signal: null, error: command.error }, command.at, true);

    case 'RecordProbe':
      switch (state.status) {
        case 'starting':
        case 'unready':
          return command.ready ? [{ type: 'BecameReady', at: command.at }] : [];
        case 'ready':
          if (command.ready) return state.failedProbes > 0 ? [{ type: 'ProbeSucceeded', at: command.at }] : [];
          return state.failedProbes + 1 >= policy.failedProbesBeforeUnready
            ? [{ type: 'BecameUnready', at: command.at }]
            : [{ type: 'ProbeFailed', at: command.at }];
        case 'waiting':
        case 'crashed':
        case 'failed':
        case 'stopping':
        case 'stopped':
          return ignore(`a probe answer is meaningless while ${state.status}`);
        default:
          return exhaustive(state);
      }

    case 'RecordExit':
      switch (state.status) {
        case 'starting':
        case 'ready':
        case 'unready':
          return crash(policy, state.history, command.exit, command.at, command.at - state.startedAt < policy.stableAfterMs);
        case 'stopping':
          return [{ type: 'Stopped', exit: command.exit, at: command.at }];
        case 'waiting':
        case 'crashed':
        case 'failed':
        case 'stopped':
          return ignore(`no process runs while ${state.status}`);
        default:
          return exhaustive(state);
      }

    case 'RequestStop':
      switch (state.status) {
        case 'starting':
        case 'ready':
        case 'unready':
          return [{ type: 'StopRequested', at: command.at }];
        case 'waiting':
        case 'crashed':
        case 'failed':
          return [{ type: 'Stopped', exit: state.status === 'waiting' ? undefined : state.lastExit, at: command.at }];
        case 'stopping':
        case 'stopped':
          return [];
        default:
          return exhaustive(state);
      }

    default:
      return exhaustive(command);
  }
}

function crash(policy: RestartPolicy, history: RunHistory, exit: ExitReport, at: number, fast: boolean): readonly SupervisionEvent[] {
  const fastCrashes = fast ? history.consecutiveFastCrashes + 1 : 0;
  if (fastCrashes >= policy.maxFastCrashes) return [{ type: 'GaveUp', exit, at, fastCrashes }];
  return [{ type: 'Crashed', exit, at, fast, restartAt: at + restartDelayMs(policy, fastCrashes) }];
}

export function evolve(state: SupervisedState, event: SupervisionEvent): SupervisedState {
  const { history } = state;
  switch (event.type) {
    case 'Spawned':
      return {
        status: 'starting',
        pid: event.pid,
        startedAt: event.at,
        history: state.status === 'crashed' ? { ...history, restarts: history.restarts + 1 } : history,
      };
    case 'BecameReady':
      return state.status === 'starting' || state.status === 'unready'
        ? { status: 'ready', pid: state.pid, startedAt: state.startedAt, failedProbes: 0, history }
        : state;
    case 'ProbeFailed':
      return state.status === 'ready' ? { ...state, failedProbes: state.failedProbes + 1 } : state;
    case 'ProbeSucceeded':
      return state.status === 'ready' ? { ...state, failedProbes: 0 } : state;
    case 'BecameUnready':
      return state.status === 'ready' ? { status: 'unready', pid: state.pid, startedAt: state.startedAt, history } : state;
    case 'Crashed':
      return {
        status: 'crashed',
        lastExit: event.exit,
        restartAt: event.restartAt,
        history: { ...history, consecutiveFastCrashes: event.fast ? history.consecutiveFastCrashes + 1 : 0 },
      };
    case 'GaveUp':
      return { status: 'failed', lastExit: event.exit, history: { ...history, consecutiveFastCrashes: event.fastCrashes } };
    case 'StopRequested':
      return isRunning(state) ? { status: 'stopping', pid: state.pid, history } : state;
    case 'Stopped':
      return { status: 'stopped', lastExit: event.exit, history };
    case 'Ignored':
      return state;
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
