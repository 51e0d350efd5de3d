import type { PolicySubject } from '@tenure/policy-decisions';

/** The attribute values generated people and generated rules share, so rules match realistic shares of people. */
export const DEPARTMENTS = [
  'Engineering',
  'Finance',
  'Sales',
  'Marketing',
  'Operations',
  'Legal',
  'Support',
  'People',
  'Product',
  'Security',
  'Data',
  'Procurement',
];
export const TITLE_PREFIXES = ['Senior', 'Lead', 'Principal', 'Junior', 'Staff'];
export const TITLES = ['Engineer', 'Analyst', 'Manager', 'Specialist', 'Associate', 'Director', 'Consultant', 'Accountant'];
export const LOCATIONS = ['Lyon', 'Paris', 'Berlin', 'Madrid', 'Dublin', 'Warsaw', 'Lisbon', 'Milan'];
export const EMPLOYMENT_TYPES = ['employee', 'employee', 'employee', 'employee', 'contractor', 'intern', 'temporary'];
export const DIVISIONS = ['Labs', 'R&D', 'Corporate', 'Field', 'Platform'];
export const COST_CENTERS = Array.from({ length: 40 }, (_, i) => `CC-${(i * 7 + 100).toString()}`);
/** Each manager has this many direct reports: about five levels for 100,000 people (as in the hr-import scenario). */
const SPAN_OF_CONTROL = 10;

export function employeeNumberOf(index: number): string {
  return `${100000 + index}`;
}

/**
 * Person `index` of a generated company: person 0 runs it, person i reports to floor((i-1)/10).
 * Attributes come from a cheap hash of the index (not from the sequence), so any person can be
 * generated alone, in any order, without keeping the company in memory.
 */
export function personAt(index: number): PolicySubject {
  const h = hash(index);
  const managerChain: string[] = [];
  for (let manager = index; manager > 0;) {
    manager = Math.floor((manager - 1) / SPAN_OF_CONTROL);
    managerChain.push(employeeNumberOf(manager));
  }
  const prefix = h % 3 === 0 ? `${TITLE_PREFIXES[(h >>> 3) % TITLE_PREFIXES.length]} ` : '';
  return {
    identityId: `identity-${index}`,
    employeeNumber: employeeNumberOf(index),
    status: h % 97 === 0 ? 'terminated' : h % 53 === 0 ? 'on-leave' : 'active',
    department: DEPARTMENTS[(h >>> 5) % DEPARTMENTS.length]!,
    title: `${prefix}${TITLES[(h >>> 9) % TITLES.length]}`,
    location: LOCATIONS[(h >>> 13) % LOCATIONS.length]!,
    costCenter: COST_CENTERS[(h >>> 16) % COST_CENTERS.length]!,
    employmentType: EMPLOYMENT_TYPES[(h >>> 20) % EMPLOYMENT_TYPES.length]!,
    managerEmployeeNumber: managerChain[0] ?? null,
    managerChain,
    custom: { division: DIVISIONS[(h >>> 24) % DIVISIONS.length]! },
  };
}

/** Everyone, generated on the fly: the simulation reads them once, as it would stream a read model. */
export function* company(size: number): Generator<PolicySubject> {
  for (let index = 0; index < size; index++) yield personAt(index);
}

function hash(value: number): number {
  let h = Math.imul(value ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
