/**
 * The shell exit codes of `tenure`, the one place they are defined. Scripts may rely on them; docs/cli.md lists
 * them too. Never renumber one: add a new code instead.
 */
export const ExitCode = {
  /** Done. */
  OK: 0,
  /** Something failed that has no code of its own: an unexpected error from the platform, a request not confirmed at the prompt. */
  FAILURE: 1,
  /** The command line was wrong: an unknown command or option, a bad duration or entitlement, a missing argument. */
  USAGE: 2,
  /** Not signed in, the session expired, or the gateway refused the token: run `tenure login`. */
  NOT_SIGNED_IN: 3,
  /** The policy refused the request, the caller may not do this, or the request is past deciding. */
  REFUSED: 4,
  /** What was named does not exist: an entitlement, a request, a person. */
  NOT_FOUND: 5,
  /** The gateway or the OpenID provider could not be reached. */
  UNREACHABLE: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A stable, lower-case name for each code, used as `error.kind` in `--json` output. */
export const EXIT_CODE_NAMES: Readonly<Record<ExitCode, string>> = {
  [ExitCode.OK]: 'ok',
  [ExitCode.FAILURE]: 'failure',
  [ExitCode.USAGE]: 'usage',
  [ExitCode.NOT_SIGNED_IN]: 'not_signed_in',
  [ExitCode.REFUSED]: 'refused',
  [ExitCode.NOT_FOUND]: 'not_found',
  [ExitCode.UNREACHABLE]: 'unreachable',
};

/**
 * A failure the person can act on: a message that names the problem and what to do, the exit code, and details
 * (e.g. the policy's reasons) listed under the message.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: Exclude<ExitCode, 0>,
    readonly details: readonly string[] = [],
    options?: { cause?: unknown; data?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.data = options?.data;
  }

  /** What the command had found before it failed (e.g. the policy decision), for `--json` output. */
  readonly data: Record<string, unknown> | undefined;
}
