import type { Condition } from '../model/condition';
import { subject } from '../testing/policy-fixtures';
import { conditionDepth } from './condition-depth';
import { describeCondition } from './describe-condition';
import { evaluateCondition } from './evaluate-condition';

const ada = subject();

describe('evaluateCondition', () => {
  it('given equals on a department, when the value is the same, then it matches and says so', () => {
    expect(evaluateCondition({ op: 'equals', attribute: 'department', value: 'Engineering' }, ada)).toEqual({
      matched: true,
      explanations: ['department = "Engineering"'],
    });
  });

  it('given equals, when the value differs only in case, then it does not match (equality is case-sensitive)', () => {
    expect(evaluateCondition({ op: 'equals', attribute: 'department', value: 'engineering' }, ada)).toEqual({
      matched: false,
      explanations: [],
    });
  });

  it('given in, when the value is one of the values, then it matches showing the value it found', () => {
    const condition: Condition = { op: 'in', attribute: 'custom.division', values: ['Labs', 'R&D'] };
    expect(evaluateCondition(condition, ada)).toEqual({ matched: true, explanations: ['custom.division in ["Labs","R&D"] (is "Labs")'] });
    expect(evaluateCondition(condition, subject({ custom: { division: 'Sales' } })).matched).toBe(false);
  });

  it('given prefix on the title, when the title starts with it, then it matches showing the title', () => {
    const condition: Condition = { op: 'prefix', attribute: 'title', value: 'Senior' };
    expect(evaluateCondition(condition, ada).explanations).toEqual(['title starts with "Senior" (is "Senior Engineer")']);
    expect(evaluateCondition(condition, subject({ title: 'Engineer' })).matched).toBe(false);
  });

  it('given exists, when the attribute is empty or a custom attribute is missing, then it does not match', () => {
    expect(evaluateCondition({ op: 'exists', attribute: 'location' }, ada).explanations).toEqual(['location is set (is "Paris")']);
    expect(evaluateCondition({ op: 'exists', attribute: 'location' }, subject({ location: '' })).matched).toBe(false);
    expect(evaluateCondition({ op: 'exists', attribute: 'custom.badge' }, ada).matched).toBe(false);
  });

  it('given a custom attribute named like an Object property, when it is not set, then it reads as empty', () => {
    expect(evaluateCondition({ op: 'exists', attribute: 'custom.constructor' }, ada).matched).toBe(false);
    expect(evaluateCondition({ op: 'exists', attribute: 'custom.toString' }, ada).matched).toBe(false);
  });

  it.each([
    ['employeeNumber', '1002'],
    ['location', 'Paris'],
    ['costCenter', 'CC-100'],
    ['employmentType', 'employee'],
    ['status', 'active'],
  ] as const)('given equals on %s, when it holds, then it matches', (attribute, value) => {
    expect(evaluateCondition({ op: 'equals', attribute, value }, ada).matched).toBe(true);
  });

  it('given reportsTo the direct manager, when evaluated, then it matches directly', () => {
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1004' }, ada).explanations).toEqual(['reports to 1004 (directly)']);
  });

  it('given reportsTo a manager further up, when evaluated, then it names the managers in between', () => {
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1001' }, ada).explanations).toEqual(['reports to 1001 (through 1004)']);
    const deep = subject({ managerChain: ['1005', '1004', '1001'] });
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1001' }, deep).explanations).toEqual([
      'reports to 1001 (through 1005 → 1004)',
    ]);
  });

  it('given reportsTo someone outside the chain, or the person themselves, when evaluated, then it does not match', () => {
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1009' }, ada).matched).toBe(false);
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1002' }, ada).matched).toBe(false);
  });

  it('given a subject with a manager but no resolved chain, when reportsTo the manager, then it matches', () => {
    const unresolved = subject({ managerChain: [] });
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1004' }, unresolved).matched).toBe(true);
    expect(evaluateCondition({ op: 'reportsTo', employeeNumber: '1001' }, unresolved).matched).toBe(false);
  });

  it('given not, when the inner condition fails, then it matches and shows what was excluded', () => {
    const condition: Condition = { op: 'not', condition: { op: 'equals', attribute: 'department', value: 'Sales' } };
    expect(evaluateCondition(condition, ada)).toEqual({ matched: true, explanations: ['not (department = "Sales")'] });
    expect(evaluateCondition(condition, subject({ department: 'Sales' })).matched).toBe(false);
  });

  it('given all, when every part holds, then it matches with every part explained; when one fails, it does not', () => {
    const condition: Condition = {
      op: 'all',
      conditions: [
        { op: 'equals', attribute: 'department', value: 'Engineering' },
        { op: 'prefix', attribute: 'title', value: 'Senior' },
      ],
    };
    expect(evaluateCondition(condition, ada).explanations).toEqual([
      'department = "Engineering"',
      'title starts with "Senior" (is "Senior Engineer")',
    ]);
    expect(evaluateCondition(condition, subject({ title: 'Engineer' }))).toEqual({ matched: false, explanations: [] });
  });

  it('given any, when several parts hold, then every part that held is explained and the others are not', () => {
    const condition: Condition = {
      op: 'any',
      conditions: [
        { op: 'equals', attribute: 'department', value: 'Sales' },
        { op: 'equals', attribute: 'location', value: 'Paris' },
        { op: 'equals', attribute: 'custom.division', value: 'Labs' },
      ],
    };
    expect(evaluateCondition(condition, ada).explanations).toEqual(['location = "Paris"', 'custom.division = "Labs"']);
    expect(evaluateCondition(condition, subject({ location: 'Lyon', custom: {} })).matched).toBe(false);
  });

  it('given always, when evaluated for anyone, then it matches everyone', () => {
    expect(evaluateCondition({ op: 'always' }, subject({ status: 'pre-hire' }))).toEqual({ matched: true, explanations: ['everyone'] });
  });
});

describe('describeCondition', () => {
  it('given nested all and any, when described, then inner groups are parenthesised', () => {
    const condition: Condition = {
      op: 'all',
      conditions: [
        { op: 'equals', attribute: 'department', value: 'Engineering' },
        {
          op: 'any',
          conditions: [
            { op: 'prefix', attribute: 'title', value: 'Senior' },
            { op: 'in', attribute: 'custom.division', values: ['Labs', 'R&D'] },
          ],
        },
        { op: 'not', condition: { op: 'exists', attribute: 'custom.contractorAgency' } },
        { op: 'reportsTo', employeeNumber: '1001' },
      ],
    };
    expect(describeCondition(condition)).toBe(
      'department = "Engineering" and (title starts with "Senior" or custom.division in ["Labs","R&D"]) and not (custom.contractorAgency is set) and reports to 1001',
    );
  });

  it('given a one-part all, when described, then it reads as the part alone', () => {
    expect(describeCondition({ op: 'all', conditions: [{ op: 'always' }] })).toBe('everyone');
  });
});

describe('conditionDepth', () => {
  it('counts a leaf as 1 and each all/any/not as one more level', () => {
    expect(conditionDepth({ op: 'always' })).toBe(1);
    expect(conditionDepth({ op: 'not', condition: { op: 'all', conditions: [{ op: 'always' }] } })).toBe(3);
  });
});
