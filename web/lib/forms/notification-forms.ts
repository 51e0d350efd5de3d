import { z } from 'zod';

const FIELD = /^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/;
const LOST = 'The form lost the list of its switches; reload the page and choose again';

/**
 * The notification preferences form: `shown` lists the switches the form showed (`KIND.CHANNEL`, comma-separated),
 * so that an unticked switch, which browsers do not send, still counts as "off". The switches themselves are read
 * from the form's values by `changesToSave`.
 */
export const notificationPreferencesSchema = z.object({
  shown: z
    .string({ message: LOST })
    .transform((text) =>
      text
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(FIELD, LOST)).min(1, LOST)),
});

export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;
