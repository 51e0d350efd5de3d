import { holdDecisionSchema } from './schemas';

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
