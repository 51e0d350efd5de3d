import type { PolicySet } from './policy-set';

/** A published, immutable policy: every decision names the version it used. */
export interface PolicyVersion {
  /** 1, 2, 3... in publishing order. */
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly note: string;
  readonly policy: PolicySet;
}
