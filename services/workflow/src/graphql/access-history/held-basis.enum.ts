import { registerEnumType } from 'type-graphql';

export enum HeldBasis {
  IN_APPLICATION = 'in-application',
  ASSIGNED = 'assigned',
}

registerEnumType(HeldBasis, {
  name: 'HeldBasis',
  description: 'What "held at T" means. Every interval is half-open [start, end): held at its start instant, not at its end instant.',
  valuesConfig: {
    IN_APPLICATION: {
      description:
        'In the application: from the connector’s acknowledgement of the grant to its acknowledgement of the removal. ' +
        'A grant never acknowledged was never held; a removal not acknowledged yet is still held. The default.',
    },
    ASSIGNED: { description: 'Assigned: from the grant decision (AssignmentAdded) to the revocation decision (AssignmentRevoked).' },
  },
});
