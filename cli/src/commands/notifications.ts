import { CliError, ExitCode } from '../exit-codes';
import { notificationLines, preferenceSetLines } from '../output/format-notifications';
import { parseNotificationChannel, parseNotificationKind, parseOnOff } from '../parse/notification-preference';
import { type CommandContext, personOf, signedIn } from './context';

/** My notification preferences: every kind on every channel. */
export async function notifications(context: CommandContext): Promise<void> {
  const { caller, api } = await signedIn(context);
  const employeeNumber = personOf(caller, 'notifications');
  const preferences = await api.myNotificationPreferences();
  context.reporter.result({ employeeNumber, preferences }, notificationLines(preferences));
}

/** Turns one kind of notification on or off on one channel, for me. */
export async function setNotification(context: CommandContext, kindText: string, channelText: string, stateText: string): Promise<void> {
  // A typo is reported before anything is asked of the platform.
  const kind = parseNotificationKind(kindText);
  const channel = parseNotificationChannel(channelText);
  const enabled = parseOnOff(stateText);
  const { caller, api } = await signedIn(context);
  const employeeNumber = personOf(caller, 'notifications set');
  const before = await api.myNotificationPreferences();
  const preferences = await api.setNotificationPreference(kind, channel, enabled);
  const preference = preferences.find((candidate) => candidate.kind === kind && candidate.channel === channel);
  if (!preference)
    throw new CliError(`The platform did not answer with the preference for ${kindText} on ${channelText}`, ExitCode.FAILURE);
  const changed = before.find((candidate) => candidate.kind === kind && candidate.channel === channel)?.enabled !== enabled;
  context.reporter.result({ employeeNumber, preference, changed, preferences }, preferenceSetLines(preference, changed));
}
