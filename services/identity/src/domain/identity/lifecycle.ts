import { MOVER_ATTRIBUTES, type MoverAttribute } from '../hr-record';
import type { AttributeName } from './attribute-diff';

/**
 * Joiner / mover / leaver, decided once here and written on the event, so other services react
 * to the classification instead of recomputing diffs. `update` is any other change of attributes.
 */
export type Lifecycle = 'joiner' | 'mover' | 'leaver' | 'update';

export interface ChangeContext {
  /** The person has not started yet: they hold no access that a move would have to revise. */
  readonly beforeStart: boolean;
  /** The same decision also terminates the person: the leaver flow removes all access anyway. */
  readonly leaving: boolean;
}

/**
 * A change is a move when it touches a mover attribute (department, title, manager, cost center)
 * of someone who holds access and stays: that starts birthright changes and a mover review.
 * A pre-hire's change only updates what their activation will carry, and a leaver's last
 * corrections need no mover review, so both are plain updates.
 */
export function classifyAttributeChange(changed: readonly AttributeName[], context: ChangeContext): 'mover' | 'update' {
  if (context.beforeStart || context.leaving) return 'update';
  return changed.some(isMoverAttribute) ? 'mover' : 'update';
}

function isMoverAttribute(name: AttributeName): name is MoverAttribute {
  return (MOVER_ATTRIBUTES as readonly string[]).includes(name);
}
