import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './dashboard.module.css';

export interface FigureProps {
  label: string;
  value: ReactNode;
  /** Where the figure comes from or what it covers. */
  note?: ReactNode;
  /** Where to act on it. */
  href?: string;
}

/** One headline figure: the value, what it is, where it comes from. */
export function Figure({ label, value, note, href }: FigureProps) {
  return (
    <li className={styles.figure}>
      <p className={styles.value}>{value}</p>
      <p className={styles.label}>{href ? <Link href={href}>{label}</Link> : label}</p>
      {note ? <p className="muted">{note}</p> : null}
    </li>
  );
}

export function Figures({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={styles.figures} aria-label={label}>
      {children}
    </ul>
  );
}
