export interface ScenarioOptions {
  /** Short phases: a smoke check, not numbers to quote. */
  readonly quick: boolean;
  /** Prints one human-readable progress line. */
  readonly log: (line: string) => void;
}

/** A benchmark: prints what it measures as it goes and returns the figures for the final JSON line. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  run(options: ScenarioOptions): Promise<Record<string, unknown>>;
}
