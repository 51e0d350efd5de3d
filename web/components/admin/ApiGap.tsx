import type { ReactNode } from 'react';

/**
 * Says plainly that a figure or answer is missing because the API does not provide it (or provides it only
 * in part), instead of showing a made-up or partial figure as if it were whole.
 */
export function ApiGap({ title = 'Not available from the API yet', children }: { title?: string; children: ReactNode }) {
  return (
    <div className="notice notice--warning">
      <p className="notice__title">{title}</p>
      <div>{children}</div>
    </div>
  );
}
