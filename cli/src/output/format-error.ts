import { CliError, EXIT_CODE_NAMES } from '../exit-codes';

/** An error for people, on stderr: the message, then each detail indented. */
export function errorLines(error: CliError): string[] {
  return [`tenure: ${error.message}`, ...error.details.map((detail) => `  - ${detail}`)];
}

/** An error for scripts, on stdout with --json: `{ "error": { code, kind, message, details } }` plus what the command had. */
export function errorJson(error: CliError, data?: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(data ?? {}),
    error: { code: error.exitCode, kind: EXIT_CODE_NAMES[error.exitCode], message: error.message, details: [...error.details] },
  };
}
