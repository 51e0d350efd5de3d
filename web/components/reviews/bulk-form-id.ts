/** The id of the bulk review form; item checkboxes join it with their `form` attribute. */
export const BULK_FORM_ID = 'bulk-review';
