'use client';

import { BULK_FORM_ID } from './bulk-form-id';

/** Ticks or clears every item checkbox of the bulk form on this page. */
export function SelectAll() {
  return (
    <label>
      <input
        type="checkbox"
        onChange={(event) => {
          const boxes = document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${BULK_FORM_ID}"][name="items"]`);
          boxes.forEach((box) => {
            box.checked = event.currentTarget.checked;
          });
        }}
      />{' '}
      Select every item on this page
    </label>
  );
}
