import type { ApiClientError } from '@sightline/shared/http/api-client-error';

/** The one way a failed call is shown: the error's message, announced to screen readers. */
export function ApiErrorAlert({ error }: { error: ApiClientError | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
