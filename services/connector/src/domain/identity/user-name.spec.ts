import { userNameFor } from './user-name';

describe('user names for accounts', () => {
  it('given an email, when a user name is derived, then it is the lower-cased local part', () => {
    expect(userNameFor('Jane.Doe@example.com', '10001')).toBe('jane.doe');
  });

  it('given characters targets refuse, when a user name is derived, then they become underscores', () => {
    expect(userNameFor("o'brien+x@example.com", '10002')).toBe('o_brien_x');
  });

  it('given no usable local part, when a user name is derived, then the employee number names the account', () => {
    expect(userNameFor('@example.com', '10003')).toBe('employee-10003');
  });
});
