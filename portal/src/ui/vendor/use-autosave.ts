import { type AnswerInput, validateAnswer } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type VendorApi, VendorApiError } from './vendor-api';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; linkDead?: boolean };

const DEBOUNCE_MS = 700;
const RETRY_MS = 5_000;

/**
 * Local answers with debounced autosave. Only changed answers are sent; an answer the question
 * refuses is shown at the question and not sent; a network failure keeps the changes and retries.
 */
export function useAutosave(
  api: VendorApi,
  initial: Record<string, AnswerInput>,
  questions: Map<string, PublicQuestion>,
) {
  const [answers, setAnswers] = useState<Record<string, AnswerInput>>(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answersRef = useRef(answers);
  const dirty = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);

  const setError = useCallback((questionId: string, message: string | null) => {
    setErrors((current) => {
      if (message === null && !(questionId in current)) return current;
      const next = { ...current };
      if (message === null) delete next[questionId];
      else next[questionId] = message;
      return next;
    });
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const ids = [...dirty.current];
    if (ids.length === 0) return;
    dirty.current.clear();
    const payload: Record<string, AnswerInput> = {};
    for (const id of ids) payload[id] = answersRef.current[id] ?? { value: null };
    setStatus({ kind: 'saving' });
    const request = api
      .save(payload)
      .then(() => {
        for (const id of ids) setError(id, null);
        setStatus(dirty.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      })
      .catch((error: unknown) => {
        if (error instanceof VendorApiError && error.status === 400 && Array.isArray(error.details)) {
          const refused = new Set<string>();
          for (const d of error.details as { questionId?: string; message?: string }[]) {
            if (d.questionId) {
              refused.add(d.questionId);
              setError(d.questionId, `Not saved: ${d.message ?? 'invalid answer'}`);
            }
          }
          // The request was refused whole: send the acceptable answers again on their own.
          for (const id of ids) if (!refused.has(id)) dirty.current.add(id);
          setStatus({
            kind: 'error',
            message: `${refused.size} answer${refused.size === 1 ? ' was' : 's were'} not saved; see the marked question`,
          });
          if (dirty.current.size > 0) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
          return;
        }
        for (const id of ids) if (!dirty.current.has(id)) dirty.current.add(id);
        const message = error instanceof VendorApiError ? error.message : 'Could not save';
        const retry = !(error instanceof VendorApiError) || error.status === 0 || error.status >= 500;
        // A link replaced (say by a reminder), revoked or expired cannot save again: say so plainly.
        const linkDead = error instanceof VendorApiError && (error.status === 404 || error.status === 410);
        setStatus({ kind: 'error', message: retry ? `${message} Retrying…` : message, linkDead });
        if (retry) timer.current = setTimeout(() => void flush(), RETRY_MS);
      });
    inFlight.current = request;
    await request;
    inFlight.current = null;
  }, [api, setError]);

  const update = useCallback(
    (question: PublicQuestion, next: AnswerInput) => {
      answersRef.current = { ...answersRef.current, [question.id]: next };
      setAnswers(answersRef.current);
      const checked = validateAnswer(question, next);
      if (!checked.ok) {
        setError(question.id, checked.error);
        dirty.current.delete(question.id);
        return;
      }
      setError(question.id, null);
      dirty.current.add(question.id);
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, setError],
  );

  // Leaving with unsaved answers asks first; the browser shows its own wording.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
    };
  }, []);

  const hasLocalErrors = Object.keys(errors).some((id) => questions.has(id));
  return { answers, update, flush, status, errors, hasLocalErrors };
}
