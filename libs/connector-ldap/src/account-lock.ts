import type { Change, Entry } from 'ldapts';
import type { DisableMethod } from './ldap-settings';
import { bufferValues, replace, stringValues } from './ldap-entry';

/**
 * How an account is disabled in a directory that has no standard "disabled" flag. Each method reads
 * the attributes it names, says whether the entry can sign in, and gives the changes that disable or
 * enable it (none when it already is).
 */
export interface AccountLock {
  readonly attributes: readonly string[];
  /** Attributes to read as bytes. */
  readonly binaryAttributes: readonly string[];
  isEnabled(entry: Entry): boolean;
  disable(entry: Entry): Change[];
  enable(entry: Entry): Change[];
}

export function accountLockFor(method: DisableMethod): AccountLock {
  switch (method.method) {
    case 'password-prefix':
      return passwordPrefixLock(method.prefix);
    case 'ppolicy':
      return ppolicyLock;
    default: {
      const unknown: never = method;
      throw new Error(`unknown disable method ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * `{SSHA}abc` becomes `{DISABLED}{SSHA}abc`. OpenLDAP refuses a bind against a value whose scheme it
 * does not know, and does not fall back to comparing it as clear text when the value starts with a
 * `{scheme}` tag, so not even someone who knows the stored value can sign in. The hash stays where it
 * was (same access rules), so enabling gives the user their own password back. An account with no
 * password gets the bare tag, which is removed again on enable.
 */
function passwordPrefixLock(prefix: string): AccountLock {
  const tag = Buffer.from(prefix, 'utf8');
  const isTagged = (value: Buffer) => value.subarray(0, tag.length).toString('utf8').toLowerCase() === prefix.toLowerCase();
  return {
    attributes: ['userPassword'],
    binaryAttributes: ['userPassword', 'userpassword'],
    isEnabled: (entry) => !bufferValues(entry, 'userPassword').some(isTagged),
    disable: (entry) => {
      const values = bufferValues(entry, 'userPassword');
      if (values.length > 0 && values.every(isTagged)) return [];
      const tagged = values.length === 0 ? [tag] : values.map((value) => (isTagged(value) ? value : Buffer.concat([tag, value])));
      return [replace('userPassword', tagged)];
    },
    enable: (entry) => {
      const values = bufferValues(entry, 'userPassword');
      if (!values.some(isTagged)) return [];
      const untagged = values.map((value) => (isTagged(value) ? value.subarray(tag.length) : value)).filter((value) => value.length > 0);
      return [replace('userPassword', untagged)];
    },
  };
}

/** ppolicy's "locked until an administrator unlocks it" value. */
const LOCKED_FOR_GOOD = '000001010000Z';

const ppolicyLock: AccountLock = {
  attributes: ['pwdAccountLockedTime'],
  binaryAttributes: [],
  isEnabled: (entry) => stringValues(entry, 'pwdAccountLockedTime').length === 0,
  disable: (entry) =>
    stringValues(entry, 'pwdAccountLockedTime').includes(LOCKED_FOR_GOOD) ? [] : [replace('pwdAccountLockedTime', [LOCKED_FOR_GOOD])],
  enable: (entry) => (stringValues(entry, 'pwdAccountLockedTime').length === 0 ? [] : [replace('pwdAccountLockedTime', [])]),
};
