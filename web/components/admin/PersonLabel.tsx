import Link from 'next/link';

export interface PersonLabelProps {
  employeeNumber: string;
  displayName?: string | null;
  /** Links to the person's administration page when given (administrators and auditors only). */
  identityId?: string | null;
}

/** "Oliver Berg (10010)", linked to the person's page for those who may read it. */
export function PersonLabel({ employeeNumber, displayName, identityId }: PersonLabelProps) {
  const text = displayName ? `${displayName} (${employeeNumber})` : employeeNumber;
  return identityId ? <Link href={`/admin/identities/${encodeURIComponent(identityId)}`}>{text}</Link> : <>{text}</>;
}
