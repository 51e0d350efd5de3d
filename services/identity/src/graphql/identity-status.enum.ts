import { registerEnumType } from 'type-graphql';

/** GraphQL names for the directory's statuses; the values are what the read model stores. */
export enum IdentityStatus {
  PRE_HIRE = 'pre-hire',
  ACTIVE = 'active',
  ON_LEAVE = 'on-leave',
  TERMINATED = 'terminated',
}

registerEnumType(IdentityStatus, {
  name: 'IdentityStatus',
  description: 'Where the identity is in its employment: before the start date, working, on leave, or gone.',
});
