import type { Logger } from '@tenure/platform';
import type { TenureOperations } from '../tenure/tenure-operations';

/** What every handler may use besides Slack's own client. */
export interface HandlerContext {
  readonly tenure: TenureOperations;
  readonly logger: Logger;
  /** The clock, for what the app writes about when something was decided. */
  readonly now: () => Date;
}
