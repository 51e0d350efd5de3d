import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  readonly name: string;
  readonly routingUrl: string;
  readonly sdl: string;
}

export type Composition =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

const HEADER = "# Composed by `npm run supergraph` from the subgraphs' SDL; do not edit. CI runs `npm run supergraph:check`.\n";

/** Composes the supergraph the gateway serves, as the checked-in file holds it. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): Composition {
  let services;
  try {
    services = subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) }));
  } catch (error) {
    return { ok: false, errors: [`a subgraph's SDL does not parse: ${String(error)}`] };
  }
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.toString()) };
  return { ok: true, supergraphSdl: `${HEADER}${result.supergraphSdl}\n`, hints: result.hints.map((hint) => hint.toString()) };
}
