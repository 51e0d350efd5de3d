import { sleep } from '../../measure/timing';
import { postGraphql } from './graphql-post';

const CSV_HEADER =
  'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date';
const DEPARTMENTS = ['Engineering', 'Finance', 'Sales', 'Support'];
const FIRST_EMPLOYEE_NUMBER = 10_001;

/** `people` hires already started, as an HR export lists them; everyone reports to the first. */
export function hrCsv(people: number): string {
  const rows = Array.from({ length: people }, (_, n) => {
    const number = FIRST_EMPLOYEE_NUMBER + n;
    const manager = n === 0 ? '' : String(FIRST_EMPLOYEE_NUMBER);
    const department = DEPARTMENTS[n % DEPARTMENTS.length]!;
    return `${number},Bench,Person${number},p${number}@bench.example,${department},Engineer,${manager},Paris,CC-1,employee,2025-01-06,`;
  });
  return `${CSV_HEADER}\n${rows.join('\n')}\n`;
}

/** Imports the company through the identity service's own HR import, as an administrator would. */
export async function importCompany(identityGraphqlUrl: string, adminToken: string, people: number): Promise<void> {
  const { importHrFile } = await postGraphql<{ importHrFile: { status: string; counts: { hires: number } } }>(
    identityGraphqlUrl,
    'mutation($csv: String!) { importHrFile(fileName: "bench.csv", csv: $csv) { status counts { hires } } }',
    { csv: hrCsv(people) },
    adminToken,
  );
  if (importHrFile.status !== 'COMPLETED' || importHrFile.counts.hires !== people) {
    throw new Error(`the HR import did not hire ${people} people: ${JSON.stringify(importHrFile)}`);
  }
}

/** Registers simulated SaaS applications answering at once, each offering `entitlementKeys`, in the connector's catalog. */
export async function registerApplications(
  connectorGraphqlUrl: string,
  adminToken: string,
  applicationIds: readonly string[],
  entitlementKeys: readonly string[],
): Promise<void> {
  for (const id of applicationIds) {
    await postGraphql(
      connectorGraphqlUrl,
      'mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }',
      {
        input: {
          id,
          name: `Simulated SaaS ${id} (bench)`,
          connectorType: 'SIMULATED',
          settings: { application: id, entitlements: entitlementKeys.map((key) => ({ key, displayName: key })), latencyMs: 0 },
          ownerEmployeeNumber: String(FIRST_EMPLOYEE_NUMBER),
        },
      },
      adminToken,
    );
  }
}

/**
 * Waits until every person holds their birthright acknowledged (every assignment ACTIVE, an account in
 * each application), read through the gateway: the platform is then quiet, and the measured queries
 * read full pages.
 */
export async function waitForBirthright(
  gatewayGraphqlUrl: string,
  adminToken: string,
  people: number,
  assignmentsPerPerson: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const provisioned = await countProvisioned(gatewayGraphqlUrl, adminToken, assignmentsPerPerson).catch(() => 0);
    if (provisioned === people) return;
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms, ${provisioned} of ${people} people hold their birthright`);
    await sleep(500);
  }
}

const ACCESS_OF_EVERYONE = `query($after: String) {
  identities(first: 100, after: $after) {
    edges { node { assignments { status } accounts { status } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AccessOfEveryone {
  readonly identities: {
    readonly edges: readonly {
      readonly node: { readonly assignments: readonly { status: string }[]; readonly accounts: readonly unknown[] };
    }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** People whose every birthright assignment is acknowledged, with an account per assignment; the directory a page of 100 at a time. */
async function countProvisioned(gatewayGraphqlUrl: string, adminToken: string, assignmentsPerPerson: number): Promise<number> {
  let provisioned = 0;
  let after: string | null = null;
  for (;;) {
    const { identities }: AccessOfEveryone = await postGraphql<AccessOfEveryone>(
      gatewayGraphqlUrl,
      ACCESS_OF_EVERYONE,
      { after },
      adminToken,
    );
    provisioned += identities.edges.filter(
      ({ node }) =>
        node.assignments.length === assignmentsPerPerson &&
        node.assignments.every((assignment) => assignment.status === 'ACTIVE') &&
        node.accounts.length === assignmentsPerPerson,
    ).length;
    if (!identities.pageInfo.hasNextPage) return provisioned;
    after = identities.pageInfo.endCursor;
  }
}
