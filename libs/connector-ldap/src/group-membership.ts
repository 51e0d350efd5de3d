import type { Client } from 'ldapts';
import { isLdapResult, LdapResult } from './ldap-errors';
import { addValue, deleteValue } from './ldap-entry';
import { normalizeDn } from './dn';

/**
 * Membership of `groupOfNames` entries, which must always have at least one `member`. Revoking the
 * last real member puts the placeholder in its place, in the same modify request; the next grant
 * takes the placeholder out again.
 */
export class GroupMembership {
  constructor(private readonly placeholderDn: string) {}

  /** Adds `memberDn`; already a member is success. Throws noSuchObject (32) when the group does not exist. */
  async add(client: Client, groupDn: string, memberDn: string): Promise<void> {
    await ignoring(LdapResult.typeOrValueExists, () => client.modify(groupDn, addValue('member', memberDn)));
    if (sameDn(memberDn, this.placeholderDn)) return;
    await ignoring(LdapResult.noSuchAttribute, () => client.modify(groupDn, deleteValue('member', this.placeholderDn)));
  }

  /** Removes `memberDn`; not a member, or no such group, is success. */
  async remove(client: Client, groupDn: string, memberDn: string): Promise<void> {
    try {
      await client.modify(groupDn, deleteValue('member', memberDn));
    } catch (error) {
      if (isLdapResult(error, LdapResult.noSuchAttribute) || isLdapResult(error, LdapResult.noSuchObject)) return;
      if (!isLdapResult(error, LdapResult.objectClassViolation)) throw error;
      // The last member: groupOfNames may not be left without one.
      await ignoring(LdapResult.noSuchAttribute, () =>
        client.modify(groupDn, [addValue('member', this.placeholderDn), deleteValue('member', memberDn)]),
      );
    }
  }
}

async function ignoring(resultCode: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isLdapResult(error, resultCode)) throw error;
  }
}

function sameDn(left: string, right: string): boolean {
  return (normalizeDn(left) ?? left.toLowerCase()) === (normalizeDn(right) ?? right.toLowerCase());
}
