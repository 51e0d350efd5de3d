'use server';

import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { loadMyNotificationPreferences, setMyNotificationPreference } from '../../data/notification-preferences';
import { notificationPreferencesSchema } from '../../forms/notification-forms';
import { GraphqlRequestError } from '../../graphql';
import { changesToSave, describeChange, type PreferenceChange } from '../../notifications/preference-grid';
import { formAction } from '../form-action';
import type { FormState } from '../form-state';

const NOTIFICATIONS_PATH = '/settings/notifications';

const save = formAction(notificationPreferencesSchema, async ({ shown }, _session, values): Promise<FormState> => {
  // Against the preferences in force now, not those the page showed: what is saved is what the form shows.
  const changes = changesToSave(await loadMyNotificationPreferences(), shown, values);
  if (changes.length === 0) return { status: 'success', message: 'Nothing to save: your preferences were already as shown.' };
  const saved: PreferenceChange[] = [];
  for (const change of changes) {
    try {
      await setMyNotificationPreference(change.kind, change.channel, change.enabled);
      saved.push(change);
    } catch (error) {
      unstable_rethrow(error);
      if (!(error instanceof GraphqlRequestError)) throw error;
      if (saved.length > 0) revalidatePath(NOTIFICATIONS_PATH);
      const before = saved.length > 0 ? ` Saved before it: ${saved.map(describeChange).join('; ')}.` : ' Nothing was saved.';
      return {
        status: 'error',
        message: `${describeChange(change)} could not be saved: ${error.message.replace(/\.$/, '')}.${before}`,
        values,
      };
    }
  }
  revalidatePath(NOTIFICATIONS_PATH);
  return { status: 'success', message: `Saved. ${saved.map(describeChange).join('; ')}.` };
});

/** Saves the switches of the notification preferences form that differ from the preferences in force. */
export async function saveNotificationPreferencesAction(previous: FormState, formData: FormData): Promise<FormState> {
  return save(previous, formData);
}
