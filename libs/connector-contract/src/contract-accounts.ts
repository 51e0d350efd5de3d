import { randomUUID } from 'node:crypto';
import type { AccountSpec } from '@tenure/connector-sdk';

/** A complete, valid account spec for a test user; override what the test is about. */
export function contractAccountSpec(userName: string, overrides: Partial<Omit<AccountSpec, 'userName'>> = {}): AccountSpec {
  return {
    userName,
    givenName: 'Contract',
    familyName: `Tester ${userName}`,
    displayName: `Contract Tester ${userName}`,
    email: `${userName}@contract.example.test`,
    identityId: randomUUID(),
    employeeNumber: `E${Math.floor(Math.random() * 1e9)
      .toString()
      .padStart(9, '0')}`,
    ...overrides,
  };
}

/**
 * User names for one test: `<prefix><n>x<i>`. The `x` after the test number keeps one test's names
 * from starting with another's (`p1x` is not a prefix of `p10x3`), so a test can filter listings
 * to exactly its own accounts even when an earlier, failed run left some behind.
 */
export class TestUserNames {
  private tests = 0;

  constructor(private readonly prefix: string) {}

  /** A fresh scope for one test. */
  scope(): UserNameScope {
    this.tests += 1;
    return new UserNameScope(`${this.prefix}${this.tests}x`);
  }
}

export class UserNameScope {
  private users = 0;

  constructor(readonly prefix: string) {}

  next(): string {
    this.users += 1;
    return `${this.prefix}${this.users}`;
  }

  owns(userName: string): boolean {
    return userName.startsWith(this.prefix);
  }
}
