import { deciderSpec } from '@tenure/testing';
import type { ReviewCampaignCommand } from './review-campaign.commands';
import { reviewCampaignDecider } from './review-campaign.decider';
import type { ReviewCampaignEvent, ReviewCampaignStarted } from './review-campaign.events';
import { ADMINISTRATORS, personReviewer, type ReviewDecidedBy, type ReviewItem } from './review-scope';

const spec = deciderSpec(reviewCampaignDecider);

const CAMPAIGN = 'c1';
const MONDAY = '2026-05-11T08:00:00.000Z';
const TUESDAY = '2026-05-12T08:00:00.000Z';
const DEADLINE = '2026-05-18T08:00:00.000Z';
const AFTER_DEADLINE = '2026-05-18T08:00:01.000Z';

/** Alice (2001) and Bob (2002) report to Maria (1001); Maria's items go to the administrators. */
const item = (assignmentId: string, employeeNumber: string, reviewer = personReviewer('1001')): ReviewItem => ({
  itemId: `${CAMPAIGN}:${assignmentId}`,
  assignmentId,
  identityId: `identity-${employeeNumber}`,
  employeeNumber,
  applicationId: 'erp',
  entitlementKey: 'create-vendor',
  source: { kind: 'request', reference: `request-${assignmentId}`, policyVersion: 1 },
  reviewer,
});
const ALICE = item('a1', '2001');
const BOB = item('a2', '2002');
const MARIA = item('a3', '1001', ADMINISTRATORS);

const startData = (
  items: readonly ReviewItem[],
  overrides: Partial<ReviewCampaignStarted['data']> = {},
): ReviewCampaignStarted['data'] => ({
  campaignId: CAMPAIGN,
  name: 'ERP vendors Q2',
  scope: { kind: 'application', applicationId: 'erp' },
  reviewerRule: 'manager',
  startedBy: 'admin-token',
  startedAt: MONDAY,
  deadline: DEADLINE,
  defaultAction: 'revoke',
  reminderIntervalHours: 24,
  items,
  ...overrides,
});
const started = (
  items: readonly ReviewItem[] = [ALICE, BOB, MARIA],
  overrides: Partial<ReviewCampaignStarted['data']> = {},
): ReviewCampaignEvent => ({
  type: 'ReviewCampaignStarted',
  data: startData(items, overrides),
});
const start = (items: readonly ReviewItem[], overrides: Partial<ReviewCampaignStarted['data']> = {}): ReviewCampaignCommand => ({
  type: 'StartReviewCampaign',
  data: startData(items, overrides),
});

const maria: ReviewDecidedBy = { kind: 'person', employeeNumber: '1001' };
const admin: ReviewDecidedBy = { kind: 'administrator', id: 'admin-token' };
const decideCmd = (reviewed: ReviewItem, decision: 'keep' | 'revoke', by: ReviewDecidedBy, comment = ''): ReviewCampaignCommand => ({
  type: 'DecideReviewItem',
  data: { itemId: reviewed.itemId, decision, comment, by, decidedAt: TUESDAY },
});
const decided = (reviewed: ReviewItem, decision: 'keep' | 'revoke', by: ReviewDecidedBy, comment = ''): ReviewCampaignEvent => ({
  type: 'ReviewItemDecided',
  data: {
    campaignId: CAMPAIGN,
    itemId: reviewed.itemId,
    assignmentId: reviewed.assignmentId,
    identityId: reviewed.identityId,
    decision,
    comment,
    decidedBy: by,
    decidedAt: TUESDAY,
  },
});
const closedAllDecided = (at = TUESDAY): ReviewCampaignEvent => ({
  type: 'ReviewCampaignClosed',
  data: { campaignId: CAMPAIGN, reason: 'all-decided', closedAt: at, defaultAction: 'revoke', defaulted: [] },
});

describe('review campaign: starting', () => {
  it('given nothing, when a campaign starts with items, then it is started with its items, reviewers, deadline and default action', () => {
    spec
      .given([])
      .when(start([ALICE, BOB, MARIA]))
      .then([started()]);
  });

  it('given nothing, when a campaign starts with no item, then it is refused: there is nothing to review', () => {
    spec
      .given([])
      .when(start([]))
      .thenThrows({ code: 'validation', message: 'nothing to review: no assignment is held in the scope of "ERP vendors Q2"' });
  });

  it('given nothing, when the deadline is not after the start, then it is refused', () => {
    spec
      .given([])
      .when(start([ALICE], { deadline: MONDAY }))
      .thenThrows({ code: 'validation' });
  });

  it('given nothing, when an item would be reviewed by its own subject, then it is refused', () => {
    spec
      .given([])
      .when(start([item('a9', '1001')]))
      .thenThrows({ code: 'validation' });
  });

  it('given a started campaign, when the same start is read again (a mover event replayed), then nothing more is recorded', () => {
    spec
      .given([started()])
      .when(start([ALICE, BOB, MARIA]))
      .then([]);
  });
});

describe('review campaign: deciding', () => {
  it('given a pending item, when its reviewer keeps it, then the decision is recorded with who and when', () => {
    spec
      .given([started()])
      .when(decideCmd(ALICE, 'keep', maria, ' still needed '))
      .then([decided(ALICE, 'keep', maria, 'still needed')]);
  });

  it('given a pending item, when its reviewer revokes it with a comment, then the revocation is recorded', () => {
    spec
      .given([started()])
      .when(decideCmd(BOB, 'revoke', maria, 'changed team'))
      .then([decided(BOB, 'revoke', maria, 'changed team')]);
  });

  it('given a pending item, when its reviewer revokes it without a comment, then it is refused', () => {
    spec
      .given([started()])
      .when(decideCmd(BOB, 'revoke', maria, '  '))
      .thenThrows({ code: 'validation', message: 'a revocation needs a comment saying why' });
  });

  it('given an item reviewed by Maria, when someone else decides it, then it is forbidden', () => {
    spec
      .given([started()])
      .when(decideCmd(ALICE, 'keep', { kind: 'person', employeeNumber: '2002' }))
      .thenThrows({ code: 'forbidden', message: 'item c1:a1 is reviewed by 1001' });
  });

  it('given an item reviewed by Maria, when an administrator decides it, then it is forbidden', () => {
    spec
      .given([started()])
      .when(decideCmd(ALICE, 'keep', admin))
      .thenThrows({ code: 'forbidden' });
  });

  it('given an item about Maria, when Maria decides it, then it is forbidden: nobody reviews their own access', () => {
    spec
      .given([started()])
      .when(decideCmd(MARIA, 'keep', maria))
      .thenThrows({ code: 'forbidden', message: 'nobody reviews their own access: item c1:a3 is about 1001' });
  });

  it('given an item owed to the administrators, when an administrator decides it, then it is recorded', () => {
    spec
      .given([started()])
      .when(decideCmd(MARIA, 'keep', admin))
      .then([decided(MARIA, 'keep', admin)]);
  });

  it('given a decided item, when it is decided again, then it is refused: decisions are final', () => {
    spec
      .given([started(), decided(ALICE, 'keep', maria)])
      .when(decideCmd(ALICE, 'revoke', maria, 'second thoughts'))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given no such item, when it is decided, then it is not found', () => {
    spec
      .given([started()])
      .when(decideCmd(item('zz', '2003'), 'keep', maria))
      .thenThrows({ code: 'not_found' });
  });

  it('given no campaign, when an item is decided, then it is not found', () => {
    spec
      .given([])
      .when(decideCmd(ALICE, 'keep', maria))
      .thenThrows({ code: 'not_found' });
  });

  it('given the last pending item, when it is decided, then the campaign closes at once with nothing defaulted', () => {
    spec
      .given([started(), decided(ALICE, 'keep', maria), decided(MARIA, 'keep', admin)])
      .when(decideCmd(BOB, 'revoke', maria, 'left the project'))
      .then([decided(BOB, 'revoke', maria, 'left the project'), closedAllDecided()]);
  });

  it('given a closed campaign, when an item is decided, then it is refused', () => {
    spec
      .given([started([ALICE]), decided(ALICE, 'keep', maria), closedAllDecided()])
      .when(decideCmd(ALICE, 'keep', maria))
      .thenThrows({ code: 'illegal_state' });
  });
});

describe('review campaign: deadline', () => {
  const deadline = (now: string): ReviewCampaignCommand => ({ type: 'CloseReviewCampaignAtDeadline', data: { now } });

  it('given undecided items, when the deadline passes, then the campaign closes and they take the default action', () => {
    spec
      .given([started(), decided(ALICE, 'keep', maria)])
      .when(deadline(AFTER_DEADLINE))
      .then([
        {
          type: 'ReviewCampaignClosed',
          data: {
            campaignId: CAMPAIGN,
            reason: 'deadline',
            closedAt: AFTER_DEADLINE,
            defaultAction: 'revoke',
            defaulted: [
              { itemId: BOB.itemId, assignmentId: 'a2', identityId: 'identity-2002' },
              { itemId: MARIA.itemId, assignmentId: 'a3', identityId: 'identity-1001' },
            ],
          },
        },
      ]);
  });

  it('given a campaign whose default is keep, when the deadline passes, then the defaulted items are kept', () => {
    spec
      .given([started([ALICE], { defaultAction: 'keep' })])
      .when(deadline(DEADLINE))
      .then([
        {
          type: 'ReviewCampaignClosed',
          data: {
            campaignId: CAMPAIGN,
            reason: 'deadline',
            closedAt: DEADLINE,
            defaultAction: 'keep',
            defaulted: [{ itemId: ALICE.itemId, assignmentId: 'a1', identityId: 'identity-2001' }],
          },
        },
      ]);
  });

  it('given the deadline not reached, when the timer fires early, then nothing happens', () => {
    spec.given([started()]).when(deadline(TUESDAY)).then([]);
  });

  it('given a closed campaign, when the deadline timer fires again (after a restart), then nothing more is recorded', () => {
    spec
      .given([started([ALICE]), decided(ALICE, 'keep', maria), closedAllDecided()])
      .when(deadline(AFTER_DEADLINE))
      .then([]);
  });
});

describe('review campaign: reminders', () => {
  const remind = (dueAt: string): ReviewCampaignCommand => ({ type: 'SendReviewReminders', data: { dueAt, sentAt: dueAt } });

  it('given pending items, when the reminder is due, then each reviewer is reminded with their pending count', () => {
    spec
      .given([started(), decided(ALICE, 'keep', maria)])
      .when(remind(TUESDAY))
      .then([
        {
          type: 'ReviewRemindersSent',
          data: {
            campaignId: CAMPAIGN,
            dueAt: TUESDAY,
            sentAt: TUESDAY,
            reviewers: [
              { reviewer: personReviewer('1001'), pending: 1 },
              { reviewer: ADMINISTRATORS, pending: 1 },
            ],
          },
        },
      ]);
  });

  it('given a reminder recorded, when the same reminder fires again, then nothing more is recorded', () => {
    spec
      .given([started(), { type: 'ReviewRemindersSent', data: { campaignId: CAMPAIGN, dueAt: TUESDAY, sentAt: TUESDAY, reviewers: [] } }])
      .when(remind(TUESDAY))
      .then([]);
  });

  it('given a closed campaign, when a reminder fires, then nobody is reminded', () => {
    spec
      .given([started([ALICE]), decided(ALICE, 'keep', maria), closedAllDecided()])
      .when(remind(TUESDAY))
      .then([]);
  });
});

describe('review campaign: leavers', () => {
  it('given items owed by Maria, when Maria leaves, then her pending items go to her manager', () => {
    spec
      .given([started(), decided(ALICE, 'keep', maria)])
      .when({ type: 'ReassignReviewerItems', data: { employeeNumber: '1001', to: personReviewer('0900'), reassignedAt: TUESDAY } })
      .then([
        {
          type: 'ReviewItemReassigned',
          data: {
            campaignId: CAMPAIGN,
            itemId: BOB.itemId,
            from: personReviewer('1001'),
            to: personReviewer('0900'),
            reason: 'reviewer-left',
            reassignedAt: TUESDAY,
          },
        },
      ]);
  });

  it('given an item reassigned, when the new reviewer decides it, then it is recorded; the old one is refused', () => {
    const reassigned: ReviewCampaignEvent = {
      type: 'ReviewItemReassigned',
      data: {
        campaignId: CAMPAIGN,
        itemId: BOB.itemId,
        from: personReviewer('1001'),
        to: personReviewer('0900'),
        reason: 'reviewer-left',
        reassignedAt: TUESDAY,
      },
    };
    const newReviewer: ReviewDecidedBy = { kind: 'person', employeeNumber: '0900' };
    spec
      .given([started(), reassigned])
      .when(decideCmd(BOB, 'keep', newReviewer))
      .then([decided(BOB, 'keep', newReviewer)]);
    spec
      .given([started(), reassigned])
      .when(decideCmd(BOB, 'keep', maria))
      .thenThrows({ code: 'forbidden' });
  });

  it("given the leaver's manager is the item's subject, when reassigned, then the administrators get it", () => {
    spec
      .given([started([BOB])])
      .when({ type: 'ReassignReviewerItems', data: { employeeNumber: '1001', to: personReviewer('2002'), reassignedAt: TUESDAY } })
      .then([
        {
          type: 'ReviewItemReassigned',
          data: {
            campaignId: CAMPAIGN,
            itemId: BOB.itemId,
            from: personReviewer('1001'),
            to: ADMINISTRATORS,
            reason: 'reviewer-left',
            reassignedAt: TUESDAY,
          },
        },
      ]);
  });

  it('given pending items about Bob, when Bob leaves, then they are withdrawn; the last one settled closes the campaign', () => {
    spec
      .given([started([ALICE, BOB]), decided(ALICE, 'keep', maria)])
      .when({ type: 'WithdrawItemsAbout', data: { identityId: 'identity-2002', withdrawnAt: TUESDAY } })
      .then([
        { type: 'ReviewItemWithdrawn', data: { campaignId: CAMPAIGN, itemId: BOB.itemId, reason: 'subject-left', withdrawnAt: TUESDAY } },
        closedAllDecided(),
      ]);
  });

  it('given no pending item about the leaver, when they leave, then nothing is recorded', () => {
    spec
      .given([started([ALICE, BOB]), decided(BOB, 'revoke', maria, 'moved')])
      .when({ type: 'WithdrawItemsAbout', data: { identityId: 'identity-2002', withdrawnAt: TUESDAY } })
      .then([]);
  });
});
