import type { GatewayClient } from './gateway-client';

/** One cell of an export: what CSV and JSON both carry. */
export type Cell = string | number | boolean | null;
export type EvidenceRow = Readonly<Record<string, Cell>>;

/** The period an export covers, for the kinds that are events in time (grants); the others are what is known now. */
export interface EvidencePeriod {
  readonly from: Date;
  readonly to: Date;
}

/** One kind of evidence: what it is, its columns in order, and how its rows are read through the gateway. */
export interface EvidenceKind {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly string[];
  rows(gateway: GatewayClient, period: EvidencePeriod): Promise<EvidenceRow[]>;
}
