import type { AnswerConflict } from '@sightline/shared/assessments/vendor-page-api';
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
 * Each save names the revision of each answer this page last saw, so an answer a colleague saved in the
 * meantime comes back as a conflict for the person to settle instead of being overwritten.
 */
export function useAutosave(
  api: VendorApi,
  initial: Record<string, AnswerInput>,
  initialRevisions: Record<string, number>,
  questions: Map<string, PublicQuestion>,
) {
  const [answers, setAnswers] = useState<Record<string, AnswerInput>>(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<string, AnswerConflict>>({});
  const answersRef = useRef(answers);
  const revisions = useRef({ ...initialRevisions });
  /** Questions waiting for the person to choose between their answer and a colleague's. */
  const conflicted = useRef(new Set<string>());
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
    // A conflicted answer waits for the person's choice; sending it again would only conflict again.
    const ids = [...dirty.current].filter((id) => !conflicted.current.has(id));
    if (ids.length === 0) return;
    for (const id of ids) dirty.current.delete(id);
    const payload: Record<string, AnswerInput> = {};
    const bases: Record<string, number> = {};
    for (const id of ids) {
      payload[id] = answersRef.current[id] ?? { value: null };
      bases[id] = revisions.current[id] ?? 0;
    }
    setStatus({ kind: 'saving' });
    const request = api
      .save(payload, bases)
      .then((result) => {
        Object.assign(revisions.current, result.revisions);
        for (const id of ids) setError(id, null);
        setStatus(dirty.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      })
      .catch((error: unknown) => {
        if (error instanceof VendorApiError && error.status === 409 && Array.isArray(error.details)) {
          const found = error.details as AnswerConflict[];
          for (const c of found) conflicted.current.add(c.questionId);
          setConflicts((current) => ({
            ...current,
            ...Object.fromEntries(found.map((c) => [c.questionId, c])),
          }));
          // The request was refused whole: the conflicted answers stay dirty for later, the rest go again.
          for (const id of ids) dirty.current.add(id);
          setStatus({
            kind: 'error',
            message: `${found.length} answer${found.length === 1 ? ' was' : 's were'} changed by someone else meanwhile; choose which to keep at the marked question`,
          });
          if (ids.some((id) => !conflicted.current.has(id)))
            timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
          return;
        }
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

  /** Settles a conflict: take the colleague's answer, or save this page's answer over it. */
  const resolve = useCallback(
    (questionId: string, choice: 'theirs' | 'mine') => {
      const conflict = conflicts[questionId];
      if (!conflict) return;
      conflicted.current.delete(questionId);
      revisions.current[questionId] = conflict.revision;
      setConflicts((current) => {
        const next = { ...current };
        delete next[questionId];
        return next;
      });
      if (choice === 'theirs') {
        answersRef.current = { ...answersRef.current, [questionId]: conflict.theirs as AnswerInput };
        setAnswers(answersRef.current);
        dirty.current.delete(questionId);
        setError(questionId, null);
        setStatus(dirty.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
        return;
      }
      dirty.current.add(questionId);
      setStatus({ kind: 'pending' });
      void flush();
    },
    [conflicts, flush, setError],
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

  const hasLocalErrors =
    Object.keys(errors).some((id) => questions.has(id)) || Object.keys(conflicts).length > 0;
  return { answers, update, flush, status, errors, conflicts, resolve, hasLocalErrors };
}
