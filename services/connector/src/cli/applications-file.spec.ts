import { connectorTypes } from '../connectors/connector-types';
import { parseApplicationsFile, resolveApplications, type ApplicationEntry } from './applications-file';

const erp = {
  id: 'erp',
  name: 'ERP',
  connectorType: 'postgresql',
  owner: '10005',
  settings: {
    host: { env: 'ERP_HOST' },
    port: { env: 'ERP_PORT', as: 'number' },
    database: 'erp',
    user: 'tenure_connector',
    passwordSecret: 'password',
    managedRoles: ['read-only'],
  },
  credentials: { password: { env: 'ERP_PASSWORD' } },
  catalog: [{ key: 'read-only', owner: '10037', risk: 'medium', licenseCost: 25 }],
};

function entries(document: unknown): readonly ApplicationEntry[] {
  const parsed = parseApplicationsFile(document);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.value;
}

describe('the applications file', () => {
  it('given references to the environment, when resolved, then settings and credentials take their values and annotations their fields', () => {
    const resolved = resolveApplications(
      entries({ applications: [erp] }),
      { ERP_HOST: 'db.internal', ERP_PORT: '6543', ERP_PASSWORD: 's3cret' },
      connectorTypes,
    );

    expect(resolved).toEqual({
      ok: true,
      value: [
        {
          record: 'applications[0] "erp"',
          applicationId: 'erp',
          name: 'ERP',
          connectorType: 'postgresql',
          ownerEmployeeNumber: '10005',
          enabled: true,
          settings: { ...erp.settings, host: 'db.internal', port: 6543 },
          credentials: { password: 's3cret' },
          catalog: [{ key: 'read-only', changes: { ownerEmployeeNumber: '10037', risk: 'medium', licenseCost: 25 } }],
        },
      ],
    });
  });

  it('given a port that is not a number, when resolved, then the field and the variable are named', () => {
    const resolved = resolveApplications(
      entries({ applications: [erp] }),
      { ERP_HOST: 'h', ERP_PORT: 'five', ERP_PASSWORD: 'p' },
      connectorTypes,
    );

    expect(resolved).toMatchObject({
      ok: false,
      problems: ['applications[0] "erp": settings.port: environment variable ERP_PORT is "five", not a number'],
    });
  });

  it('given a secret written in the file, a repeated id, or an unknown field, when parsed, then each is named', () => {
    const parsed = parseApplicationsFile({
      applications: [
        { ...erp, credentials: { password: 's3cret' } },
        { ...erp, colour: 'blue' },
      ],
    });

    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'applications[0] "erp": credentials.password: give {"env": "VARIABLE"}, the environment variable that holds the secret, never the secret itself',
        expect.stringMatching(/^applications\[1\] "erp": Unrecognized key: "colour"/),
        'applications[1] "erp": id: "erp" is listed twice',
      ]),
    );
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('given no applications, when parsed, then it says to list one', () => {
    expect(parseApplicationsFile({ applications: [] })).toEqual({ ok: false, problems: ['applications: list at least one application'] });
    expect(parseApplicationsFile([])).toMatchObject({ ok: false });
  });
  it('given a license cost per account, when resolved, then it is kept; absent it is left out, and a bad currency is named', () => {
    const withCost = { ...erp, licenseCost: { amountPerMonth: 95, currency: 'EUR' } };
    const env = { ERP_HOST: 'h', ERP_PORT: '1', ERP_PASSWORD: 'p' };

    expect(resolveApplications(entries({ applications: [withCost] }), env, connectorTypes)).toMatchObject({
      ok: true,
      value: [{ licenseCost: { amountPerMonth: 95, currency: 'EUR' } }],
    });
    const resolved = resolveApplications(entries({ applications: [erp] }), env, connectorTypes);
    expect(resolved.ok && 'licenseCost' in resolved.value[0]!).toBe(false);
    expect(parseApplicationsFile({ applications: [{ ...erp, licenseCost: { amountPerMonth: 9, currency: 'eur' } }] })).toEqual({
      ok: false,
      problems: ['applications[0] "erp": licenseCost.currency: give an ISO 4217 currency code such as "EUR"'],
    });
  });
});
