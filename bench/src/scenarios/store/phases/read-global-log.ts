import { START, type Position } from '@tenure/event-sourcing';
import { now } from '../../../measure/timing';
import type { StoreBenchContext } from '../store-context';

export interface ReadResult {
  readonly events: number;
  readonly pages: number;
  readonly elapsedMs: number;
}

/** Reads the whole global log from the start with `readAll`, a page at a time, as a rebuild would. */
export async function measureReadAll(ctx: StoreBenchContext): Promise<ReadResult> {
  const pageSize = ctx.plan.readPageSize;
  let after: Position = START;
  let events = 0;
  let pages = 0;
  const started = now();
  for (;;) {
    const page = await ctx.store.readAll({ after, maxCount: pageSize });
    pages++;
    events += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.position;
  }
  return { events, pages, elapsedMs: now() - started };
}
