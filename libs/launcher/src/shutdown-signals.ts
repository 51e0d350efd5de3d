export interface ShutdownHandlers {
  /** Stops everything in order; the process then exits 0 (or 1 if this throws). */
  readonly stopGracefully: () => Promise<void>;
  /** The second signal: kill what is left without waiting; the process then exits 130. */
  readonly stopForcibly: () => Promise<void>;
  readonly say: (message: string) => void;
  readonly exit?: (code: number) => void;
  /**
   * Signals closer together than this count as one. Under `npm start` one Ctrl-C arrives twice:
   * from the terminal, and forwarded by npm, and must not count as the "force" second press.
   */
  readonly sameSignalWindowMs?: number;
}

const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** First SIGINT/SIGTERM/SIGHUP: stop gracefully and exit 0. A later one: force and exit 130. */
export function exitOnShutdownSignals(handlers: ShutdownHandlers): () => void {
  const exit = handlers.exit ?? ((code: number) => process.exit(code));
  const window = handlers.sameSignalWindowMs ?? 500;
  let firstSignalAt: number | undefined;
  let forcing = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    const now = Date.now();
    if (firstSignalAt === undefined) {
      firstSignalAt = now;
      handlers.say(`${signal}: stopping everything (press Ctrl-C again to force)`);
      handlers.stopGracefully().then(
        () => exit(0),
        (error: unknown) => {
          handlers.say(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
          exit(1);
        },
      );
      return;
    }
    if (forcing || now - firstSignalAt < window) return;
    forcing = true;
    handlers.say(`${signal} again: killing what is left`);
    void handlers.stopForcibly().finally(() => exit(130));
  };

  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, onSignal);
  };
}
