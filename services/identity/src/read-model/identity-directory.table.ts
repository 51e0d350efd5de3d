/** The identity directory read model: one row per employee number, rebuilt from the identity streams. */
export const IDENTITY_DIRECTORY_TABLE = 'identity_directory';

export const CREATE_IDENTITY_DIRECTORY = `
CREATE TABLE IF NOT EXISTS identity_directory (
  employee_number            text        PRIMARY KEY,
  identity_id                text        NOT NULL UNIQUE,
  status                     text        NOT NULL,
  given_name                 text        NOT NULL,
  family_name                text        NOT NULL,
  email                      text        NOT NULL,
  department                 text        NOT NULL,
  title                      text        NOT NULL,
  manager_employee_number    text,
  location                   text        NOT NULL,
  cost_center                text        NOT NULL,
  employment_type            text        NOT NULL,
  custom                     jsonb       NOT NULL,
  start_date                 text        NOT NULL,
  termination_date           text,
  scheduled_termination_date text,
  next_due_date              text,
  employment                 int         NOT NULL,
  version                    bigint      NOT NULL,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  -- The aggregate's state, folded with the domain's own evolve: the columns above derive from it.
  state                      jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS identity_directory_manager ON identity_directory (manager_employee_number);
CREATE INDEX IF NOT EXISTS identity_directory_department ON identity_directory (department);
`;

export interface IdentityDirectoryRow {
  employee_number: string;
  identity_id: string;
  status: 'pre-hire' | 'active' | 'on-leave' | 'terminated';
  given_name: string;
  family_name: string;
  email: string;
  department: string;
  title: string;
  manager_employee_number: string | null;
  location: string;
  cost_center: string;
  employment_type: string;
  custom: Record<string, string>;
  start_date: string;
  termination_date: string | null;
  scheduled_termination_date: string | null;
  next_due_date: string | null;
  employment: number;
  version: string;
  created_at: Date;
  updated_at: Date;
}
