import { decisionSchema } from './decision-schema';

describe('decisionSchema', () => {
  it('given an approval without a comment, when validated, then it is accepted with an empty comment', () => {
    expect(decisionSchema.parse({ requestId: 'r-1', decision: 'approve' })).toEqual({ requestId: 'r-1', decision: 'approve', comment: '' });
  });

  it('given a denial without a comment, when validated, then the comment field is named', () => {
    const result = decisionSchema.safeParse({ requestId: 'r-1', decision: 'deny', comment: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['comment']);
  });

  it('given an unknown decision, when validated, then it is refused', () => {
    expect(decisionSchema.safeParse({ requestId: 'r-1', decision: 'maybe', comment: 'x' }).success).toBe(false);
  });
});
