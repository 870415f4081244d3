import type { AnswerInput } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { vi } from 'vitest';
import type { AnswerSet } from './autosave-store';

/** What the autosave tests share: questions, a save the test answers by hand, and no server data. */
export const text = (id: string): PublicQuestion =>
  ({ id, type: 'text', text: id, required: false, allowNotApplicable: false }) as PublicQuestion;
export const number = (id: string): PublicQuestion =>
  ({ id, type: 'number', text: id, required: false, allowNotApplicable: false }) as PublicQuestion;
export const purpose = text('profile.purpose');
export const trust = text('evd.trust_centre');
export const audit = text('evd.audit_notes');

type Call = {
  answers: Record<string, AnswerInput>;
  bases: Record<string, number>;
  resolve: (revisions: Record<string, number>) => void;
  reject: (error: unknown) => void;
};

/** A save the test answers by hand, so it can be left in flight while other things happen. */
export function fakeServer() {
  const calls: Call[] = [];
  const save = vi.fn(
    (answers: Record<string, AnswerInput>, bases: Record<string, number>) =>
      new Promise<{ revisions: Record<string, number> }>((resolve, reject) => {
        calls.push({ answers, bases, resolve: (revisions) => resolve({ revisions }), reject });
      }),
  );
  return { calls, save };
}

/** Lets promise callbacks run (fake timers do not touch microtasks). */
export const settle = () => vi.advanceTimersByTimeAsync(0);

export const emptyServer: AnswerSet = { answers: {}, revisions: {} };
