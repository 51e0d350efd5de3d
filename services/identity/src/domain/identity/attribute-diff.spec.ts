import { ada } from './testing/identity-fixtures';
import { applyAttributes, containsAll, diffAttributes } from './attribute-diff';
import { classifyAttributeChange } from './lifecycle';

describe('attribute diff', () => {
  it('carries exactly the changed attributes, before and after', () => {
    expect(diffAttributes(ada, { ...ada, title: 'Lead Engineer', email: 'ada.l@example.com' })).toEqual({
      changed: ['email', 'title'],
      before: { email: 'ada@example.com', title: 'Engineer' },
      after: { email: 'ada.l@example.com', title: 'Lead Engineer' },
    });
  });

  it('finds nothing when nothing changed, custom attributes compared by content', () => {
    expect(diffAttributes(ada, { ...ada, custom: { division: 'R&D' } }).changed).toEqual([]);
    expect(diffAttributes(ada, {}).changed).toEqual([]);
  });

  it('sees a custom attribute added, removed or changed', () => {
    expect(diffAttributes(ada, { custom: { division: 'R&D', organization: 'Labs' } }).changed).toEqual(['custom']);
    expect(diffAttributes(ada, { custom: {} }).after).toEqual({ custom: {} });
    expect(diffAttributes(ada, { custom: { division: 'Sales' } }).before).toEqual({ custom: { division: 'R&D' } });
  });

  it('treats a manager removed (null) as a change', () => {
    expect(diffAttributes(ada, { managerEmployeeNumber: null })).toEqual({
      changed: ['managerEmployeeNumber'],
      before: { managerEmployeeNumber: '2000' },
      after: { managerEmployeeNumber: null },
    });
  });

  it('applies and compares partial values', () => {
    expect(applyAttributes(ada, { location: 'Paris' })).toEqual({ ...ada, location: 'Paris' });
    expect(containsAll({ location: 'Paris', title: 'X' }, { location: 'Paris' })).toBe(true);
    expect(containsAll({ location: 'Paris' }, { location: 'Rome' })).toBe(false);
  });
});

describe('lifecycle classification', () => {
  const working = { beforeStart: false, leaving: false };

  it.each(['department', 'title', 'managerEmployeeNumber', 'costCenter'] as const)('a change of %s is a move', (attribute) => {
    expect(classifyAttributeChange([attribute], working)).toBe('mover');
    expect(classifyAttributeChange(['email', attribute], working)).toBe('mover');
  });

  it.each(['givenName', 'familyName', 'email', 'location', 'employmentType', 'custom'] as const)(
    'a change of %s alone is an update',
    (attribute) => {
      expect(classifyAttributeChange([attribute], working)).toBe('update');
    },
  );

  it('a change before the start date or on the way out is an update, never a move', () => {
    expect(classifyAttributeChange(['department'], { beforeStart: true, leaving: false })).toBe('update');
    expect(classifyAttributeChange(['department'], { beforeStart: false, leaving: true })).toBe('update');
  });
});
