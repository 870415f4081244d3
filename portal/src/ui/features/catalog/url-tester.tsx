import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { type FormEvent, useState } from 'react';
import { requestJson } from '../../lib/api';

type Result = {
  serviceId: string | null;
  serviceName?: string;
  vendor?: string;
  matchedRule?: string;
  matchKind?: string;
  reason?: string;
};

/** Lets an admin check how the extension will read a URL before and after a catalog change. */
export function UrlTester() {
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get('url'));
    try {
      setError(null);
      setResult(
        (await requestJson<{ result: Result }>(`/api/catalog/classify?url=${encodeURIComponent(url)}`))
          .result,
      );
    } catch (err) {
      setError(toApiClientError(err, 'Could not classify').message);
    }
  };
  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-label="Test a URL">
      <label className="grow">
        Test a URL
        <input name="url" required placeholder="https://chatgpt.com/c/123" />
      </label>
      <button type="submit">Classify</button>
      <output aria-live="polite" className="grow">
        {error && <span className="error">{error}</span>}
        {result &&
          (result.serviceId ? (
            <span>
              <strong>{result.serviceName}</strong> by {result.vendor}: matched{' '}
              <code>{result.matchedRule}</code> as {result.matchKind}
            </span>
          ) : (
            <span>Not an AI service in the catalog ({result.reason}).</span>
          ))}
      </output>
    </form>
  );
}
