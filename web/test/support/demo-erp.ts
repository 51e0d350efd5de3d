import { Client } from 'pg';

/** The demo ERP database the launcher creates beside Tenure's own (services/connector/src/cli/demo-erp-database.ts). */
const DEMO_ERP_DATABASE = 'tenure_demo_erp';

/** What the ERP's PostgreSQL says about one login role: the connector's accounts are login roles, entitlements group roles. */
export interface ErpRole {
  readonly exists: boolean;
  readonly canLogin: boolean;
  /** The group roles it is a member of (pg_auth_members), sorted. */
  readonly memberOf: readonly string[];
  /** Whether it may add vendors: what the `vendor-create` role gives on erp.vendors. */
  readonly mayInsertVendors: boolean;
}

/**
 * Reads the demo ERP directly, as its database administrator would: the same PostgreSQL server as the
 * platform's (the Jest global setup's embedded cluster), the database tenure_demo_erp.
 */
export class DemoErp {
  private constructor(private readonly client: Client) {}

  static async connect(): Promise<DemoErp> {
    const server = process.env['TENURE_TEST_ADMIN_URL'];
    if (!server) throw new Error('No test PostgreSQL: the web project’s Jest global setup sets TENURE_TEST_ADMIN_URL');
    const url = new URL(server);
    url.pathname = `/${DEMO_ERP_DATABASE}`;
    const client = new Client({ connectionString: url.toString(), application_name: 'tenure-web-e2e' });
    await client.connect();
    return new DemoErp(client);
  }

  async role(name: string): Promise<ErpRole> {
    const { rows } = await this.client.query<{ can_login: boolean; member_of: string[]; may_insert_vendors: boolean }>(
      `SELECT r.rolcanlogin AS can_login,
              coalesce(array(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                              WHERE m.member = r.oid ORDER BY 1), '{}') AS member_of,
              has_table_privilege(r.oid, 'erp.vendors', 'INSERT') AS may_insert_vendors
         FROM pg_roles r WHERE r.rolname = $1`,
      [name],
    );
    const row = rows[0];
    if (!row) return { exists: false, canLogin: false, memberOf: [], mayInsertVendors: false };
    return { exists: true, canLogin: row.can_login, memberOf: row.member_of, mayInsertVendors: row.may_insert_vendors };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
