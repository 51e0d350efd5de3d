import { massChangePolicyFromEnv } from './mass-change-config';

describe('mass-change guard configuration', () => {
  it('given nothing set, then the defaults (5 % or 25 people, share rule from 3 people)', () => {
    expect(massChangePolicyFromEnv({})).toEqual({ maxShare: 0.05, maxCount: 25, minCountForShare: 3 });
  });

  it('given values, then they replace the defaults', () => {
    expect(massChangePolicyFromEnv({ MASS_CHANGE_MAX_SHARE: '0.1', MASS_CHANGE_MAX_COUNT: '100' })).toEqual({
      maxShare: 0.1,
      maxCount: 100,
      minCountForShare: 3,
    });
  });

  it('given bad values, then one error names every bad variable', () => {
    expect(() => massChangePolicyFromEnv({ MASS_CHANGE_MAX_SHARE: '5', MASS_CHANGE_MAX_COUNT: 'many' })).toThrow(
      /MASS_CHANGE_MAX_SHARE: must be at most 1[\s\S]*MASS_CHANGE_MAX_COUNT/,
    );
  });
});
