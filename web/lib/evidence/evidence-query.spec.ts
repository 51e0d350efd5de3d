import { readEvidenceQuery } from './evidence-query';

const NOW = new Date('2026-11-26T10:00:00Z');
const OFFERED = [
  { name: 'access-reviews', description: 'Reviews' },
  { name: 'leavers', description: 'Leavers' },
  { name: 'sod', description: 'SoD' },
];

describe('the Download evidence form', () => {
  it('given no kind and no period, when read, then every kind from the beginning to now', () => {
    expect(readEvidenceQuery(new URLSearchParams(), OFFERED, NOW)).toEqual({
      query: { kinds: ['access-reviews', 'leavers', 'sod'], period: { from: new Date(0), to: NOW } },
    });
  });

  it('given some kinds and a period, when read, then those kinds in the export’s order and the UTC period', () => {
    const params = new URLSearchParams([
      ['kind', 'sod'],
      ['kind', 'access-reviews'],
      ['from', '2026-11-01T00:00'],
      ['to', '2026-11-20T12:30:15'],
    ]);

    expect(readEvidenceQuery(params, OFFERED, NOW)).toEqual({
      query: {
        kinds: ['access-reviews', 'sod'],
        period: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-20T12:30:15Z') },
      },
    });
  });

  it('given an unknown kind, a time that is none, a future end or a reversed period, when read, then the problem is named', () => {
    const problem = (entries: string[][]) => readEvidenceQuery(new URLSearchParams(entries), OFFERED, NOW).problem;

    expect(problem([['kind', 'payroll']])).toBe('Unknown evidence kind “payroll”.');
    expect(problem([['from', 'yesterday']])).toBe('From: “yesterday” is not a UTC date and time such as 2026-11-26T10:30:00.');
    expect(problem([['to', '2026-12-01T00:00']])).toBe('To is in the future; leave it empty for now.');
    expect(
      problem([
        ['from', '2026-11-20T00:00'],
        ['to', '2026-11-10T00:00'],
      ]),
    ).toBe('From is after To.');
  });
});
