/**
 * Manager chains computed in memory over everyone at once (simulation, a full detective pass):
 * `managerOf` maps each employee number to their manager's (null at the top). A chain lists the
 * managers above, nearest first; it stops at the top, at a manager policy does not know (kept: a
 * "reports to" on them still matches), or before a number seen already (HR data with a cycle).
 * Chains are memoised, so each walk stops at the first manager whose chain is known.
 */
export function managerChainsOf(managerOf: ReadonlyMap<string, string | null>): (employeeNumber: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();

  return function chainOf(employeeNumber: string): readonly string[] {
    const known = memo.get(employeeNumber);
    if (known) return known;
    const chain: string[] = [];
    const seen = new Set([employeeNumber]);
    let current = employeeNumber;
    let cycle = false;
    for (;;) {
      const manager = managerOf.get(current) ?? null;
      if (manager === null) break;
      if (seen.has(manager)) {
        cycle = true;
        break;
      }
      const above = memo.get(manager);
      if (above && !above.some((number) => seen.has(number))) {
        chain.push(manager, ...above);
        break;
      }
      chain.push(manager);
      seen.add(manager);
      if (!managerOf.has(manager)) break;
      current = manager;
    }
    // A chain cut by a cycle depends on where the walk started: only cycle-free chains are shared,
    // and then every manager walked through has the rest of the chain as their own.
    if (!cycle) {
      memo.set(employeeNumber, chain);
      chain.forEach((manager, at) => {
        if (!memo.has(manager)) memo.set(manager, chain.slice(at + 1));
      });
    }
    return chain;
  };
}
