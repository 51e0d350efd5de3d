import { ConnectorError } from '@tenure/connector-sdk';
import type { Page, TargetGrant } from '@tenure/connector-sdk';
import type { ScimDirectory } from './scim-directory';
import { readList, scimGroupSchema } from './scim-resources';
import type { ScimGroup } from './scim-resources';

interface GrantCursor {
  /** startIndex of the group being listed. */
  readonly groupIndex: number;
  /** How many of its (distinct, user) members were already listed. */
  readonly memberOffset: number;
}

/**
 * Grants are group memberships, listed group by group: the cursor is "<group startIndex>:<member
 * offset>". One group is read at a time, so memory is bounded by the largest group, never by
 * every grant. Member ids are turned into userNames in batches; members that no longer name a
 * user (or are nested groups) are skipped.
 */
export async function listGrantsPage(directory: ScimDirectory, cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
  let { groupIndex, memberOffset } = parseGrantCursor(cursor);
  const grants: TargetGrant[] = [];
  const wanted = Math.max(1, pageSize);
  while (grants.length < wanted) {
    const group = await groupAt(directory, groupIndex);
    if (group === null) return { items: grants, nextCursor: null };
    const memberIds = userMemberIds(group);
    const batch = memberIds.slice(memberOffset, memberOffset + (wanted - grants.length));
    const userNames = await directory.userNamesById(batch);
    for (const id of batch) {
      const userName = userNames.get(id);
      if (userName !== undefined) grants.push({ userName, entitlementKey: group.id });
    }
    memberOffset += batch.length;
    if (memberOffset >= memberIds.length) {
      groupIndex += 1;
      memberOffset = 0;
    }
  }
  return { items: grants, nextCursor: `${groupIndex}:${memberOffset}` };
}

async function groupAt(directory: ScimDirectory, startIndex: number): Promise<ScimGroup | null> {
  const action = `list the members of group number ${startIndex}`;
  const response = await directory.send({
    method: 'GET',
    path: '/Groups',
    query: { attributes: 'members', startIndex, count: 1 },
    action,
  });
  const { resources, totalResults } = readList(scimGroupSchema, response.body, action);
  // Past the end some servers answer with the first page again rather than an empty one; totalResults settles it.
  if (totalResults !== null && startIndex > totalResults) return null;
  return resources[0] ?? null;
}

/** Distinct members that are users (RFC 7643 §4.2: `type` is "User" or "Group", and may be absent). */
function userMemberIds(group: ScimGroup): string[] {
  const ids = (group.members ?? []).filter((member) => member.type == null || member.type === 'User').map((member) => member.value);
  return [...new Set(ids)];
}

function parseGrantCursor(cursor: string | null): GrantCursor {
  if (cursor === null) return { groupIndex: 1, memberOffset: 0 };
  const match = /^([1-9]\d*):(\d+)$/.exec(cursor);
  if (match === null) throw new ConnectorError('invalid', `"${cursor}" is not a grant cursor this SCIM connector issued`);
  return { groupIndex: Number(match[1]), memberOffset: Number(match[2]) };
}
