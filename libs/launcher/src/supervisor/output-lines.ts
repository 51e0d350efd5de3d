/**
 * Turns one line a child wrote into what the launcher prints under its name. Pino JSON lines become
 * `HH:MM:SS LEVEL message key=value...`, other lines pass through unchanged.
 */
const pinoLevels: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

// Fields every pino line carries, or that the prefix already shows.
const omittedFields = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v']);

export function formatChildLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof record['level'] !== 'number' || record['time'] === undefined) return line;
  const time = formatTime(record['time']);
  const level = (pinoLevels[record['level']] ?? String(record['level'])).padEnd(5);
  const message = typeof record['msg'] === 'string' ? record['msg'] : '';
  const fields = Object.entries(record)
    .filter(([key]) => !omittedFields.has(key))
    .map(([key, value]) => `${key}=${formatValue(key, value)}`);
  const stack = errorStack(record['err']);
  return [`${time} ${level} ${message}`, ...fields].join(' ') + (stack ? `\n${stack}` : '');
}

function formatTime(time: unknown): string {
  const date = new Date(typeof time === 'number' || typeof time === 'string' ? time : Number.NaN);
  return Number.isNaN(date.getTime()) ? '--:--:--' : date.toTimeString().slice(0, 8);
}

function formatValue(key: string, value: unknown): string {
  if (key === 'err' && typeof value === 'object' && value !== null && 'message' in value) return JSON.stringify(String(value.message));
  return typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value);
}

function errorStack(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('stack' in err) || typeof err.stack !== 'string') return undefined;
  return err.stack
    .split('\n')
    .slice(1)
    .map((line) => `    ${line.trim()}`)
    .join('\n');
}
