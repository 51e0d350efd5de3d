import { holdDecisionSchema, unnamedRowsErasureSchema } from './schemas';

describe('holdDecisionSchema', () => {
  it('given a discard without a reason, when validated, then the reason is asked for', () => {
    const result = holdDecisionSchema.safeParse({ kind: 'import', id: 'run-1', decision: 'discard', reason: ' ' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reason']);
  });

  it('given a confirmation without a reason, when validated, then it is accepted', () => {
    expect(holdDecisionSchema.parse({ kind: 'burst', id: 'hold-1', decision: 'confirm' })).toEqual({
      kind: 'burst',
      id: 'hold-1',
      decision: 'confirm',
      reason: '',
    });
  });
});

describe('unnamedRowsErasureSchema', () => {
  const valid = { runId: 'run-1', after: '', legalReference: 'GDPR art. 17, request 2026-041', confirmation: 'ERASE' };

  it('given a legal reference and ERASE typed, when validated, then it is accepted with the reference trimmed', () => {
    expect(unnamedRowsErasureSchema.parse({ ...valid, legalReference: '  GDPR art. 17  ', confirmation: ' ERASE ' })).toEqual({
      ...valid,
      legalReference: 'GDPR art. 17',
    });
  });

  it('given no page cursor sent, when validated, then the first page is meant', () => {
    const { after: _after, ...withoutCursor } = valid;

    expect(unnamedRowsErasureSchema.parse(withoutCursor).after).toBe('');
  });

  it('given a blank legal reference, when validated, then the reference field asks for it', () => {
    const parsed = unnamedRowsErasureSchema.safeParse({ ...valid, legalReference: '   ' });

    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['legalReference'], message: expect.stringContaining('legal reference') }),
    ]);
  });

  it.each([['erase'], ['run-1'], ['']])(
    'given %p typed to confirm, when validated, then the confirmation field says to type ERASE',
    (typed) => {
      const parsed = unnamedRowsErasureSchema.safeParse({ ...valid, confirmation: typed });

      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({ path: ['confirmation'], message: expect.stringContaining('ERASE') }),
      ]);
    },
  );

  it('given no run, when validated, then the form says to reload', () => {
    const parsed = unnamedRowsErasureSchema.safeParse({ ...valid, runId: '' });

    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['runId'], message: expect.stringContaining('reload') })]);
  });
});
