import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    await expect(waitFor('the third call', () => (++calls === 3 ? 'ready' : undefined), 1_000, 1)).resolves.toBe('ready');
  });

  it('fails naming what it waited for', async () => {
    await expect(waitFor('a miracle', () => undefined, 30, 5)).rejects.toThrow('timed out after 30 ms waiting for a miracle');
  });
});
