import type { Decider } from '@tenure/event-sourcing';
import { decide, type CatalogCommand } from './catalog.commands';
import { evolve, initialState, type CatalogEvent, type CatalogState } from './catalog.events';

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, CatalogState> = { decide, evolve, initialState };
