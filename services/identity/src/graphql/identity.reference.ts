import type { IdentityDirectoryReader } from '../read-model/identity-directory.reader';
import { identityLoaders } from './identity-loaders';
import { toIdentity } from './identity.mapper';
import type { Identity } from './identity.type';

/**
 * `@tenure/subgraph` hands reference resolvers the representation and Apollo's context, not the
 * Nest container, so the reader is attached here when IdentityGraphqlModule starts. One identity
 * service per process (as `npm start` runs it) is assumed: the last one started serves references.
 */
let attachedReader: IdentityDirectoryReader | undefined;

export function serveIdentityReferencesFrom(reader: IdentityDirectoryReader): void {
  attachedReader = reader;
}

export function stopServingIdentityReferencesFrom(reader: IdentityDirectoryReader): void {
  if (attachedReader === reader) attachedReader = undefined;
}

/** `Identity.__resolveReference`: other subgraphs refer to an identity by its id; null when unknown. */
export async function resolveIdentityReference(
  representation: Readonly<Record<string, unknown>>,
  context?: unknown,
): Promise<Identity | null> {
  if (!attachedReader) throw new Error('identity references are not served yet: IdentityGraphqlModule has not started');
  const id = representation['id'];
  if (typeof id !== 'string') return null;
  const row = await identityLoaders(attachedReader, context).byId.load(id);
  return row ? toIdentity(row) : null;
}
