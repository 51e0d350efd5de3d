import { SLACK_ACTIONS, slackApprovalBlockId } from '@tenure/contracts';
import { renderMessage, type MessageContext } from './notification-messages';

const CONTEXT: MessageContext = {
  recipientName: 'Maria Manager',
  portalUrl: 'https://portal.example.com/',
  personName: (n) => ({ '1002': 'Ann <Admin>' })[n] ?? n,
  entitlementLabel: (application, entitlement) => `${entitlement} (${application})`,
  applicationLabel: (application) => application,
};

describe('notification messages', () => {
  it('given an approval, when rendered, then text, escaped HTML, portal link and Slack buttons for that request', () => {
    const message = renderMessage(
      {
        kind: 'approval-waiting',
        requestId: 'r-1',
        requesterEmployeeNumber: '1002',
        subjectEmployeeNumber: '1002',
        applicationId: 'aws',
        entitlementKey: 'prod-admin',
        justification: 'fix <b>prod</b> & go',
      },
      CONTEXT,
    );

    expect(message.subject).toBe('Approval needed: prod-admin (aws) for Ann <Admin>');
    expect(message.link).toBe('https://portal.example.com/approvals');
    expect(message.text).toContain('Hello Maria Manager,');
    expect(message.text).toContain('Reason: fix <b>prod</b> & go');
    expect(message.html).toContain('Reason: fix &lt;b&gt;prod&lt;/b&gt; &amp; go');
    expect(message.html).toContain('Ann &lt;Admin&gt; requests');
    expect(message.html).not.toContain('<b>');
    expect(JSON.stringify(message.slack.blocks[0])).toContain('Ann &lt;Admin&gt; requests');
    expect(JSON.stringify(message.slack.blocks[0])).toContain('<https://portal.example.com/approvals|Review the request>');
    expect(message.slack.blocks[1]).toEqual({
      type: 'actions',
      block_id: slackApprovalBlockId('r-1'),
      elements: [
        expect.objectContaining({ action_id: SLACK_ACTIONS.approve, value: 'r-1', style: 'primary' }),
        expect.objectContaining({ action_id: SLACK_ACTIONS.deny, value: 'r-1', style: 'danger' }),
      ],
    });
  });

  it('given each other kind, when rendered, then no buttons and the link to its page', () => {
    const links = [
      renderMessage(
        {
          kind: 'request-decided',
          requestId: 'r',
          outcome: 'failed',
          subjectEmployeeNumber: '1002',
          applicationId: 'a',
          entitlementKey: 'e',
          comment: 'SoD',
        },
        CONTEXT,
      ),
      renderMessage({ kind: 'review-items-waiting', campaignId: 'c', campaignName: 'Q2', deadline: '2026-06-15T00:00:00.000Z' }, CONTEXT),
      renderMessage(
        { kind: 'review-items-due', campaignId: 'c', campaignName: 'Q2', deadline: '2026-06-15T00:00:00.000Z', pending: 3 },
        CONTEXT,
      ),
      renderMessage({ kind: 'manual-task-assigned', taskId: 't', applicationId: 'pay roll', dueAt: '2026-06-05T08:00:00.000Z' }, CONTEXT),
      renderMessage(
        {
          kind: 'leaver-completed',
          runId: 'x',
          leaverEmployeeNumber: '1002',
          status: 'completed-with-failures',
          completedAt: '2026-06-05T08:00:00.000Z',
        },
        CONTEXT,
      ),
      renderMessage(
        { kind: 'access-expiring', assignmentId: 'a', applicationId: 'a', entitlementKey: 'e', validUntil: '2026-06-05T08:00:00.000Z' },
        CONTEXT,
      ),
    ];
    expect(links.map((message) => message.link.replace('https://portal.example.com', ''))).toEqual([
      '/requests',
      '/reviews',
      '/reviews',
      '/admin/applications/pay%20roll',
      '/admin/identities',
      '/access',
    ]);
    expect(links.map((message) => message.subject)).toEqual([
      'Request could not be granted: e (a)',
      'Access review waiting: Q2',
      'Reminder: 3 review items due in Q2',
      'Task assigned: change needed in pay roll',
      'Leaver completed: Ann <Admin>',
      'Access ending soon: e (a)',
    ]);
    expect(links.every((message) => message.slack.blocks.every((block) => block.type !== 'actions'))).toBe(true);
    expect(links[0]!.text).toContain('Comment: SoD');
    expect(links[4]!.text).toContain('with failures');
  });
});
