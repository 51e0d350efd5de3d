import { readFileSync } from 'node:fs';

/**
 * What /proc says about a process, on Linux. Elsewhere only liveness is known
 * (`commandLine` and `parentPid` are undefined).
 */
export interface ProcessInfo {
  readonly pid: number;
  readonly parentPid: number | undefined;
  readonly commandLine: readonly string[] | undefined;
}

/** Undefined when no live process has this pid. A zombie counts as gone: it only waits to be reaped. */
export function inspectProcess(pid: number): ProcessInfo | undefined {
  if (!signalsReach(pid)) return undefined;
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (stat === undefined) return { pid, parentPid: undefined, commandLine: undefined };
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing one.
  const [state, parentPid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (state === 'Z' || state === 'X') return undefined;
  const commandLine = readProcFile(`/proc/${pid}/cmdline`)
    ?.split('\0')
    .filter((part) => part.length > 0);
  return { pid, parentPid: parentPid === undefined ? undefined : Number.parseInt(parentPid, 10), commandLine };
}

export function isProcessAlive(pid: number): boolean {
  return inspectProcess(pid) !== undefined;
}

function signalsReach(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres account, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProcFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
