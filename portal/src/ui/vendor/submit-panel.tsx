import type { SubmitProblem } from '@sightline/shared/assessments/vendor-page-api';
import { ApiClientError, toApiClientError } from '@sightline/shared/http/api-client-error';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { useState } from 'react';
import { fieldId } from './answer-input';
import { JumpLink } from './jump-link';
import type { VendorApi } from './vendor-api';

type Problem = SubmitProblem;

const problemText: Record<string, string> = {
  unanswered: 'needs an answer',
  invalid: 'has an answer that is not valid',
  file_missing: 'needs a file',
  unconfirmed: 'is from your last assessment: confirm it is still true, or change it',
};

type Props = {
  api: VendorApi;
  flush: () => Promise<void>;
  blocked: boolean;
  questions: Map<string, PublicQuestion>;
  onSubmitted: () => Promise<void>;
  resubmission: boolean;
};

/** Saves what is pending, then submits; what is missing comes back as a list of links to the questions. */
export function SubmitPanel({ api, flush, blocked, questions, onSubmitted, resubmission }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await flush();
      await api.submit();
      await onSubmitted();
      window.scrollTo({ top: 0 });
    } catch (e) {
      const problems =
        e instanceof ApiClientError && Array.isArray(e.details) ? (e.details as Problem[]) : [];
      setError({ message: toApiClientError(e, 'Could not submit.').message, problems });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="submit-panel" aria-labelledby="submit-title">
      <h2 id="submit-title">{resubmission ? 'Submit again' : 'Submit'}</h2>
      <p>
        Submitting locks your answers and sends them to the reviewers. Everything you entered so far is saved,
        so you can also come back later with the same link.
      </p>
      {blocked && (
        <p className="field-error">Some answers are not valid yet; fix the marked questions first.</p>
      )}
      <button type="button" onClick={() => void submit()} disabled={busy || blocked}>
        {busy ? 'Submitting…' : resubmission ? 'Submit changes' : 'Submit answers'}
      </button>
      <div role="alert" className="submit-errors">
        {error && (
          <>
            <p className="field-error">{error.message}</p>
            {error.problems.length > 0 && (
              <ul>
                {error.problems.map((p) => (
                  <li key={p.questionId}>
                    <JumpLink targetId={fieldId(p.questionId)}>
                      {questions.get(p.questionId)?.text ?? p.questionId}
                    </JumpLink>{' '}
                    {problemText[p.problem] ?? p.problem}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
