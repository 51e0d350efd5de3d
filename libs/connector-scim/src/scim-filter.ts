/**
 * `attribute eq "value"`, with the value written as a JSON string as RFC 7644 §3.4.2.2 requires,
 * so quotes, backslashes and control characters in a user name cannot break out of the filter.
 */
export function equalsFilter(attribute: string, value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}

/** Matches any of the values: `attribute eq "a" or attribute eq "b"`. */
export function anyOfFilter(attribute: string, values: readonly string[]): string {
  return values.map((value) => equalsFilter(attribute, value)).join(' or ');
}

/** The value path that selects one member of a group (RFC 7644 §3.5.2): `members[value eq "id"]`. */
export function memberPath(memberId: string): string {
  return `members[${equalsFilter('value', memberId)}]`;
}
