import type { Condition } from '../model/condition';

/**
 * Deeper trees are refused: nobody writes them by hand, and evaluation (and validation itself)
 * recurses once per level.
 */
export const MAX_CONDITION_DEPTH = 16;

/** Levels of a condition: a leaf is 1, `all` of leaves is 2. */
export function conditionDepth(condition: Condition): number {
  return rawConditionDepth(condition, Number.POSITIVE_INFINITY);
}

/**
 * The depth of something that may become a condition, measured without recursion before it is
 * parsed, so that a hostile document nested thousands of levels deep cannot exhaust the stack.
 * Stops counting past `limit`.
 */
export function rawConditionDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    const { conditions, condition } = node as { conditions?: unknown; condition?: unknown };
    if (Array.isArray(conditions)) for (const child of conditions) pending.push({ node: child, depth: depth + 1 });
    if (condition !== undefined) pending.push({ node: condition, depth: depth + 1 });
  }
  return deepest;
}
