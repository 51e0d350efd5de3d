import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** gateway/supergraph.graphql; this file sits one level below the gateway folder in src/ and in dist/. */
export const CHECKED_IN_SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

export function readSupergraph(path: string = CHECKED_IN_SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}
