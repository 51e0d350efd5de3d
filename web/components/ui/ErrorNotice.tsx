import type { ReactNode } from 'react';
import { GraphqlRequestError } from '../../lib/graphql-error';

export interface ErrorNoticeProps {
  /** Defaults to "Something went wrong". */
  title?: string;
  /** An error (a GraphqlRequestError shows its message, code and details) or a message. */
  error?: unknown;
  message?: ReactNode;
  /** E.g. a "Try again" button. */
  children?: ReactNode;
}

/** An error the person should read now: announced by screen readers (role="alert"). */
export function ErrorNotice({ title = 'Something went wrong', error, message, children }: ErrorNoticeProps) {
  const details = error instanceof GraphqlRequestError ? error.details.filter((detail) => detail !== error.message) : [];
  const text = message ?? describeError(error);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {text ? <p>{text}</p> : null}
      {details.length > 0 ? (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
      {error instanceof GraphqlRequestError ? <p className="notice__code">Code: {error.code}</p> : null}
      {children}
    </div>
  );
}

function describeError(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (error instanceof Error) return error.message;
  return String(error);
}
