import { ConfigurationError, loadConfig } from '@tenure/platform';
import { identityConfigSchema } from '../config';
import { hrImportUnnamedRowsRetentionMsFromEnv } from './hr-import-retention-config';

const DAY = 86_400_000;

describe('HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS', () => {
  it('given nothing set, then the rows that name nobody are kept 90 days', () => {
    expect(hrImportUnnamedRowsRetentionMsFromEnv({})).toBe(90 * DAY);
  });

  it('given a whole number of days, then that is the period', () => {
    expect(hrImportUnnamedRowsRetentionMsFromEnv({ HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: '30' })).toBe(30 * DAY);
  });

  it.each(['0', '-3', '1.5', 'ninety', '', '40000'])('given %p, then it is refused naming the variable and the rule', (value) => {
    const load = () => hrImportUnnamedRowsRetentionMsFromEnv({ HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: value });
    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: must be a whole number of days from 1 to 36500/);
  });

  it('given the identity service configuration, then a bad value is refused at start with the other settings', () => {
    const env = { DATABASE_URL: 'postgres://localhost/tenure', HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: '0' };
    expect(() => loadConfig(identityConfigSchema, env)).toThrow(/HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: must be a whole number/);
    expect(
      loadConfig(identityConfigSchema, { ...env, HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: '7' }).HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS,
    ).toBe(7);
  });
});
