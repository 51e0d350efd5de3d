import { COMMENT_MARKER, accountCommentLiteral, decodeAccountComment, encodeAccountComment } from './account-comment';

describe('account attributes in the role comment', () => {
  const attributes = {
    identityId: 'id-1',
    employeeNumber: 'E1',
    email: 'ada@example.test',
    displayName: 'Ada Lovelace',
    givenName: 'Ada',
    familyName: 'Lovelace',
  };

  it('given attributes, when encoded and decoded, then they come back and the comment starts with the marker SQL looks for', () => {
    const comment = encodeAccountComment(attributes);

    expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(decodeAccountComment(comment)).toEqual(attributes);
  });

  it("given a quote in a name, when made a SQL literal, then it is escaped by the driver's escapeLiteral", () => {
    expect(accountCommentLiteral({ displayName: "Miles O'Brien" })).toBe(`'{"tenure":{"displayName":"Miles O''Brien"}}'`);
  });

  it('given comments Tenure did not write, when decoded, then there are no attributes', () => {
    for (const comment of [null, 'DBA team', '{"tenure":', '{"tenure":"x"}', '{"tenure":{"email":42}}']) {
      expect(decodeAccountComment(comment)).toEqual({});
    }
  });
});
