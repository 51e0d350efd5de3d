'use client';

import { useActionState } from 'react';
import { DataTable } from '@/components/ui/DataTable';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { saveNotificationPreferencesAction } from '@/lib/actions/notifications/save-notification-preferences';
import { initialFormState } from '@/lib/actions/form-state';
import type { PreferenceCell, PreferenceGrid, PreferenceRow } from '@/lib/notifications/preference-grid';

/**
 * Kinds down, channels across, a switch in each cell of a channel the platform sends on; a channel it does not
 * send on stays in the table, marked unavailable. One save for the whole table.
 */
export function NotificationPreferencesForm({ grid }: { grid: PreferenceGrid }) {
  const [state, action] = useActionState(saveNotificationPreferencesAction, initialFormState);
  // After a refusal the switches keep what the person chose (React resets a form to its defaults after an action).
  const chosen = state.status === 'error' ? state.values : undefined;
  const shown = grid.rows.flatMap((row) => row.cells.filter((cell) => cell.configured).map((cell) => cell.field));

  return (
    <form action={action} className="form form--wide" aria-label="Notification preferences" noValidate>
      <input type="hidden" name="shown" value={shown.join(',')} />
      {state.status === 'success' && state.message ? (
        <p className="notice notice--success" role="status">
          {state.message}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <ErrorNotice title="Your preferences were not saved" message={state.fieldErrors?.shown?.[0] ?? state.message} />
      ) : null}
      <DataTable
        caption="Notifications by kind and channel"
        rows={grid.rows}
        rowKey={(row) => row.kind}
        columns={[
          {
            header: 'Notification',
            cell: (row: PreferenceRow) => (
              <>
                <strong>{row.label}</strong>
                {row.description ? <span className="preference-description muted">{row.description}</span> : null}
              </>
            ),
          },
          ...grid.channels.map((column) => ({
            header: column.configured ? column.label : `${column.label} (unavailable)`,
            cell: (row: PreferenceRow) => {
              const cell = row.cells.find((candidate) => candidate.channel === column.channel);
              return cell ? <PreferenceSwitch cell={cell} row={row} channelLabel={column.label} chosen={chosen} /> : '—';
            },
          })),
        ]}
      />
      {shown.length > 0 ? (
        <div className="button-row">
          <SubmitButton pendingLabel="Saving…">Save preferences</SubmitButton>
        </div>
      ) : null}
    </form>
  );
}

function PreferenceSwitch({
  cell,
  row,
  channelLabel,
  chosen,
}: {
  cell: PreferenceCell;
  row: PreferenceRow;
  channelLabel: string;
  chosen: Record<string, string> | undefined;
}) {
  if (!cell.configured) {
    return (
      <span className="badge badge--neutral" title={`${channelLabel} is not set up on this platform`}>
        Unavailable<span className="visually-hidden">: {`${channelLabel} is not set up on this platform`}</span>
      </span>
    );
  }
  const checked = chosen ? chosen[cell.field] === 'on' : cell.enabled;
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        name={cell.field}
        value="on"
        defaultChecked={checked}
        aria-label={`${row.label} by ${channelLabel.toLowerCase()}`}
      />
      <span className="switch__label" aria-hidden="true">
        <span className="switch__on">On</span>
        <span className="switch__off">Off</span>
      </span>
    </label>
  );
}
