import { checkedRoleName, role } from './role-names';

describe('role names', () => {
  it('given ordinary user names, when checked, then they pass and are always quoted', () => {
    for (const name of ['ada', 'Ada.Lovelace', 'ada@example.com', 'svc-build_1']) expect(checkedRoleName(name, 'user name')).toBe(name);
    expect(role('Ada.Lovelace')).toBe('"Ada.Lovelace"');
  });

  it('given names with quotes, spaces, reserved prefixes or too many bytes, when checked, then they are invalid', () => {
    for (const name of ['', 'a"b', 'a b', "o'brien", 'pg_monitor', 'é'.repeat(32), 'x'.repeat(64)]) {
      expect(() => checkedRoleName(name, 'user name')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    }
  });
});
