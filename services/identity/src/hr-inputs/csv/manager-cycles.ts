/**
 * Finds manager cycles (A reports to B, B reports to A) in the hierarchy the file would produce: the
 * current managers, overridden by the file's records. Each cycle is returned once, as the chain of
 * employee numbers from its first member back to it (["A", "B", "A"]). Self-management is a separate
 * per-record check; it is not passed in here.
 */
export function findManagerCycles(managerOf: ReadonlyMap<string, string | null>): readonly (readonly string[])[] {
  const finished = new Set<string>();
  const cycles: string[][] = [];

  for (const start of managerOf.keys()) {
    if (finished.has(start)) continue;
    // Every person has at most one manager, so following the links from a person is a single path.
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null | undefined = start;
    while (current != null && !finished.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = managerOf.get(current);
    }
    if (current != null && onPath.has(current)) {
      const members = path.slice(onPath.get(current));
      cycles.push([...members, current]);
    }
    for (const member of path) finished.add(member);
  }
  return cycles;
}
