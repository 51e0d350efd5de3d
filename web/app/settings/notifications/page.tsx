import type { Metadata } from 'next';
import { NotificationPreferencesForm } from '@/components/notifications/NotificationPreferencesForm';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { loadMyNotificationPreferences } from '@/lib/data/notification-preferences';
import { GraphqlRequestError } from '@/lib/graphql';
import { preferenceGrid, type NotificationPreference } from '@/lib/notifications/preference-grid';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationSettingsPage() {
  await requireSession();
  const header = (
    <PageHeader
      title="Notifications"
      description="Choose what Tenure tells you about, by email and in Slack. Everything is on until you turn it off."
    />
  );

  let preferences: NotificationPreference[];
  try {
    preferences = await loadMyNotificationPreferences();
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="Your notification preferences could not be loaded" error={error} />
      </>
    );
  }

  const grid = preferenceGrid(preferences);
  return (
    <>
      {header}
      <UnavailableChannels
        labels={grid.channels.filter((channel) => !channel.configured).map((channel) => channel.label)}
        all={grid.channels.length}
      />
      <NotificationPreferencesForm grid={grid} />
    </>
  );
}

function UnavailableChannels({ labels, all }: { labels: string[]; all: number }) {
  if (labels.length === 0) return null;
  const text =
    labels.length === all
      ? 'Tenure does not send notifications on this platform yet: no channel is set up, so there is nothing to choose.'
      : `${labels.join(' and ')} ${labels.length === 1 ? 'is' : 'are'} not set up on this platform, so nothing is sent there.`;
  return (
    <p className="notice notice--info">
      {text} Ask your Tenure administrator if you need {labels.length === 1 ? 'it' : 'them'}.
    </p>
  );
}
