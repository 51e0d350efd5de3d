'use client';

import { useEffect, useState } from 'react';
import { formatDateTime, formatRemaining } from '../../lib/format';

export interface CountdownProps {
  /** ISO time it counts down to. */
  to: string;
  /** Shown once the time has passed. */
  expiredLabel?: string;
}

/**
 * Time left until `to`, updated live. The server renders the fixed UTC time (both sides agree on it); the
 * browser then shows the time left, with the exact time in the tooltip and in the <time> element.
 */
export function Countdown({ to, expiredLabel = 'Expired' }: CountdownProps) {
  const target = new Date(to).getTime();
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    setNow(Date.now());
    const remaining = target - Date.now();
    // Seconds matter in the last hour; before that, twice a minute is plenty.
    const interval = setInterval(() => setNow(Date.now()), remaining < 3_600_000 ? 1_000 : 30_000);
    return () => clearInterval(interval);
  }, [target]);

  if (Number.isNaN(target)) return <span>{to}</span>;
  const absolute = formatDateTime(to);
  if (now === null) {
    return (
      <time className="countdown" dateTime={to}>
        until {absolute}
      </time>
    );
  }
  const remaining = target - now;
  return (
    <time className={`countdown${remaining <= 0 ? ' countdown--expired' : ''}`} dateTime={to} title={absolute}>
      {remaining <= 0 ? expiredLabel : `${formatRemaining(remaining)} left`}
    </time>
  );
}
