import { identityReference, type Identity } from './identity.type';

/** `Identity.__resolveReference`: any id; what workflow knows about it is resolved field by field. */
export function resolveIdentityReference(representation: Readonly<Record<string, unknown>>): Identity | null {
  const id = representation['id'];
  return typeof id === 'string' ? identityReference(id) : null;
}
