import { resolve } from 'node:path';
import type { Projection } from '../projections/projection';

/** The projections exported (as `projections`) by each module, in order, refusing duplicates. */
export async function loadProjections(modules: readonly string[]): Promise<Projection[]> {
  const all: Projection[] = [];
  for (const file of modules) {
    const exported = (await import(resolve(file))) as { projections?: Projection[] };
    if (!Array.isArray(exported.projections)) throw new Error(`${file} does not export \`projections\``);
    for (const projection of exported.projections) {
      if (all.some((p) => p.name === projection.name))
        throw new Error(`projection "${projection.name}" is exported twice (again by ${file})`);
      all.push(projection);
    }
  }
  return all;
}

/** The named projections, or all of them when none is named. */
export function choose(available: readonly Projection[], names: readonly string[]): Projection[] {
  const unknown = names.filter((name) => !available.some((p) => p.name === name));
  if (unknown.length > 0)
    throw new UsageError(`unknown projection(s): ${unknown.join(', ')}; available: ${available.map((p) => p.name).join(', ') || 'none'}`);
  return names.length === 0 ? [...available] : available.filter((p) => names.includes(p.name));
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
