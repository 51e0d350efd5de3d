/** What the checks found, by kind; every item names the person, the target and the problem. */
export class Findings {
  readonly lost: string[] = [];
  readonly duplicated: string[] = [];
  readonly notRevoked: string[] = [];
  readonly other: string[] = [];
  get failed(): boolean {
    return this.lost.length + this.duplicated.length + this.notRevoked.length + this.other.length > 0;
  }

  counts(): Record<string, number> {
    return {
      lost_effects: this.lost.length,
      duplicated_effects: this.duplicated.length,
      missed_revocations: this.notRevoked.length,
      other_problems: this.other.length,
    };
  }

  /** The first `perKind` findings of each kind, and how many more. */
  describe(perKind = 15): string {
    const section = (label: string, lines: readonly string[]) => [
      ...lines.slice(0, perKind).map((line) => `${label}: ${line}`),
      ...(lines.length > perKind ? [`${label}: … and ${lines.length - perKind} more`] : []),
    ];
    return [
      ...section('lost', this.lost),
      ...section('duplicated', this.duplicated),
      ...section('not revoked', this.notRevoked),
      ...section('problem', this.other),
    ].join('\n');
  }
}
