/** The HR record shape `writeHrCsv` writes (the identity service's HrRecord, restated: see identity-dist.ts). */
export interface GeneratedPerson {
  readonly employeeNumber: string;
  readonly startDate: string;
  readonly terminationDate: string | null;
  readonly active: boolean;
  readonly attributes: {
    readonly givenName: string;
    readonly familyName: string;
    readonly email: string;
    readonly department: string;
    readonly title: string;
    readonly managerEmployeeNumber: string | null;
    readonly location: string;
    readonly costCenter: string;
    readonly employmentType: 'employee' | 'contractor' | 'intern' | 'temporary';
    readonly custom: Readonly<Record<string, string>>;
  };
}

const DEPARTMENTS = ['Engineering', 'Finance', 'Sales', 'Marketing', 'Operations', 'Legal', 'Support', 'People'];
const TITLES = ['Engineer', 'Analyst', 'Manager', 'Specialist', 'Associate', 'Director', 'Consultant'];
const LOCATIONS = ['Lyon', 'Paris', 'Berlin', 'Madrid', 'Dublin', 'Warsaw'];
const TYPES = ['employee', 'employee', 'employee', 'employee', 'contractor', 'intern', 'temporary'] as const;
/** Each manager has this many direct reports: about five levels for 100,000 people. */
const SPAN_OF_CONTROL = 10;

export function employeeNumberOf(index: number): string {
  return `E${(index + 1).toString().padStart(7, '0')}`;
}

/**
 * A company of `size` people in a realistic hierarchy: person 0 runs it, person i reports to person
 * floor((i - 1) / 10). Managers always come before their reports in the file, as HR extracts list them.
 */
export function generateCompany(size: number): GeneratedPerson[] {
  return Array.from({ length: size }, (_, index) => {
    const manager = index === 0 ? null : employeeNumberOf(Math.floor((index - 1) / SPAN_OF_CONTROL));
    const employeeNumber = employeeNumberOf(index);
    return {
      employeeNumber,
      startDate: `20${10 + (index % 15)}-${pad((index % 12) + 1)}-${pad((index % 28) + 1)}`,
      terminationDate: null,
      active: true,
      attributes: {
        givenName: `Given${index}`,
        familyName: `Family${index % 997}`,
        email: `${employeeNumber.toLowerCase()}@example.com`,
        department: DEPARTMENTS[index % DEPARTMENTS.length]!,
        title: TITLES[index % TITLES.length]!,
        managerEmployeeNumber: manager,
        location: LOCATIONS[index % LOCATIONS.length]!,
        costCenter: `CC-${(index % 50).toString().padStart(3, '0')}`,
        employmentType: TYPES[index % TYPES.length]!,
        custom: { division: `Division ${index % 5}` },
      },
    };
  });
}

export interface ChangedCompany {
  /** The second file: everyone still employed, movers with their new department, title and manager. */
  readonly people: GeneratedPerson[];
  readonly movers: number;
  readonly leavers: number;
}

/**
 * The next month's file: `moverShare` of the people change department, title and manager (to someone
 * listed before them, so the hierarchy stays free of cycles), `leaverShare` are missing from it (a
 * complete file: missing means gone). Deterministic: every 20th person moves, every 100th (offset) leaves.
 */
export function nextMonth(company: readonly GeneratedPerson[], moverEvery = 20, leaverEvery = 100): ChangedCompany {
  let movers = 0;
  let leavers = 0;
  const people: GeneratedPerson[] = [];
  company.forEach((person, index) => {
    if (index > 0 && index % leaverEvery === 7) {
      leavers++;
      return;
    }
    if (index > 1 && index % moverEvery === 3) {
      movers++;
      const newManager = employeeNumberOf(Math.floor((index - 1) / (SPAN_OF_CONTROL * 2)));
      people.push({
        ...person,
        attributes: {
          ...person.attributes,
          department: DEPARTMENTS[(index + 3) % DEPARTMENTS.length]!,
          title: TITLES[(index + 2) % TITLES.length]!,
          managerEmployeeNumber: newManager === person.employeeNumber ? person.attributes.managerEmployeeNumber : newManager,
        },
      });
      return;
    }
    people.push(person);
  });
  return { people, movers, leavers };
}

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}
