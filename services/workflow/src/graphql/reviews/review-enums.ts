import { registerEnumType } from 'type-graphql';

// GraphQL names for the reviews' string unions; each value is the domain's own string.

export enum ReviewCampaignStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(ReviewCampaignStatus, { name: 'ReviewCampaignStatus' });

export enum ReviewScopeKind {
  APPLICATION = 'application',
  ENTITLEMENT = 'entitlement',
  MANAGER = 'manager',
  MOVER = 'mover',
  BREAK_GLASS = 'break-glass',
}
registerEnumType(ReviewScopeKind, {
  name: 'ReviewScopeKind',
  description: 'What a campaign reviews.',
  valuesConfig: {
    MANAGER: { description: 'Everyone reporting to the manager, directly or indirectly.' },
    MOVER: { description: 'What a moved person kept that is not birthright, for the new manager (opened by the mover process).' },
    BREAK_GLASS: { description: 'An emergency grant, for its owner (opened when the grant is made).' },
  },
});

export enum ReviewerRule {
  MANAGER = 'manager',
  ENTITLEMENT_OWNER = 'entitlement-owner',
}
registerEnumType(ReviewerRule, {
  name: 'ReviewerRule',
  description:
    "Who reviews each item: the manager of the item's person, or the entitlement's owner (else the application's). Items nobody fits, or whose reviewer would be their own subject, go to the subject's manager, else to the administrators.",
});

export enum ReviewDefaultAction {
  REVOKE = 'revoke',
  KEEP = 'keep',
}
registerEnumType(ReviewDefaultAction, {
  name: 'ReviewDefaultAction',
  description: 'What happens at the deadline to items nobody decided.',
});

export enum ReviewDecision {
  KEEP = 'keep',
  REVOKE = 'revoke',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

export enum ReviewItemStatus {
  PENDING = 'pending',
  DECIDED = 'decided',
  DEFAULTED = 'defaulted',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(ReviewItemStatus, {
  name: 'ReviewItemStatus',
  valuesConfig: {
    DEFAULTED: { description: 'Nobody decided by the deadline: the default action applied.' },
    WITHDRAWN: { description: 'Its person left: nothing left to review (the leaver flow revokes everything).' },
  },
});

export enum ReviewerKind {
  PERSON = 'person',
  ADMINISTRATORS = 'administrators',
}
registerEnumType(ReviewerKind, { name: 'ReviewerKind' });
