/** How many faults of each kind a proxy injected, for the run's report. */
export type FaultCounts = Record<string, number>;

export class FaultCounter {
  private readonly counts = new Map<string, number>();

  count(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  snapshot(): FaultCounts {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(except: readonly string[] = []): number {
    let sum = 0;
    for (const [kind, value] of this.counts) if (!except.includes(kind)) sum += value;
    return sum;
  }
}
