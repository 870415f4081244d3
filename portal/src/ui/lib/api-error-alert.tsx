import type { ApiClientError } from '@sightline/shared/http/api-client-error';

/** The one way a failed call is shown: the error's message, announced to screen readers. */
export function ApiErrorAlert({
  error,
  className,
}: {
  error: ApiClientError | null | undefined;
  /** Layout only (e.g. `wide` in a grid form). */
  className?: string;
}) {
  if (!error) return null;
  return (
    <p role="alert" className={className ? `error ${className}` : 'error'}>
      {error.message}
    </p>
  );
}
