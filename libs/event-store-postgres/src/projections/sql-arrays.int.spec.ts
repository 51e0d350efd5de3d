import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { sqlArray, sqlArrays } from './sql-arrays';

describe('sqlArray', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(1);
  });
  afterAll(() => database.drop());

  it('given awkward text, when sent as an array literal, then PostgreSQL reads every element back as it was', async () => {
    const texts = ['', 'NULL', null, 'a,b', '{braces}', ' spaced ', 'say "hi"', 'back\\slash', '\\"', 'ünïcødé', 'line\nbreak'];

    const { rows } = await database.pool.query<{ texts: (string | null)[] }>('SELECT $1::text[] AS texts', [sqlArray(texts)]);

    expect(rows[0]!.texts).toEqual(texts);
  });

  it('given times, numbers, flags and JSON, when unnested by type, then each column holds the values sent', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const sources = [{ kind: 'policy', reference: 'p "1"\\x', policyVersion: 3 }, { kind: 'request' }];

    const { rows } = await database.pool.query<{ at: Date | null; n: number; b: boolean; j: unknown; big: string }>(
      'SELECT * FROM unnest($1::timestamptz[], $2::integer[], $3::boolean[], $4::jsonb[], $5::bigint[]) AS r(at, n, b, j, big)',
      sqlArrays([
        [at, '2026-03-04T05:06:08.000Z'],
        [7, 0],
        [true, false],
        sources.map((source) => JSON.stringify(source)),
        ['9007199254740993', 1n],
      ]),
    );

    expect(rows).toEqual([
      { at, n: 7, b: true, j: sources[0], big: '9007199254740993' },
      { at: new Date('2026-03-04T05:06:08.000Z'), n: 0, b: false, j: sources[1], big: '1' },
    ]);
  });

  it('given no values, when sent, then the array is empty', async () => {
    const { rows } = await database.pool.query<{ texts: string[] }>('SELECT $1::text[] AS texts', [sqlArray([])]);

    expect(rows[0]!.texts).toEqual([]);
  });
});
