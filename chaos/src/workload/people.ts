export const DEPARTMENTS = ['Engineering', 'Finance', 'Sales'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** One person of the run, as the harness (the HR system) knows them. */
export interface Person {
  readonly employeeNumber: string;
  /** What Tenure names their accounts: the local part of the email. */
  readonly userName: string;
  readonly email: string;
  department: Department;
  managerNumber: string | null;
  identityId: string | null;
  status: 'active' | 'terminated';
  /** A flow is under way for them: no other flow picks them until it ends. */
  busy: boolean;
}

/** The run's people: department managers first (never moved or terminated: they approve), then everyone hired. */
export class People {
  private readonly byNumber = new Map<string, Person>();
  private hired = 0;

  constructor(readonly userPrefix: string) {}

  newPerson(department: Department, managerNumber: string | null): Person {
    this.hired += 1;
    const employeeNumber = String(70_000 + this.hired);
    const userName = `${this.userPrefix}${employeeNumber}`;
    const person: Person = {
      employeeNumber,
      userName,
      email: `${userName}@chaos.example`,
      department,
      managerNumber,
      identityId: null,
      status: 'active',
      busy: false,
    };
    this.byNumber.set(employeeNumber, person);
    return person;
  }

  all(): Person[] {
    return [...this.byNumber.values()];
  }

  managerOf(department: Department): Person {
    const manager = this.all().find((person) => person.managerNumber === null && person.department === department);
    if (!manager) throw new Error(`no manager for ${department}`);
    return manager;
  }

  /** Active people who are not managers and have no flow under way. */
  available(): Person[] {
    return this.all().filter((person) => person.managerNumber !== null && person.status === 'active' && !person.busy && person.identityId);
  }
}
