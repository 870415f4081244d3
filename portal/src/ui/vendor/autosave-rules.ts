import { type AnswerConflict, answerConflictSchema } from '@sightline/shared/assessments/vendor-page-api';
import { ApiClientError, toApiClientError } from '@sightline/shared/http/api-client-error';
import { z } from 'zod';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; linkDead?: boolean };

/** A save that failed as a whole (not refused answer by answer): what to say, and whether to retry. */
export type SaveFailure = { message: string; linkDead: boolean };

/** What the autosave's status is worked out from; counts only, so the rule is a plain function. */
export type StatusFacts = {
  /** Saves on their way. */
  sending: number;
  failure: SaveFailure | null;
  conflicted: number;
  refused: number;
  /** Changed here and not sent yet. */
  waiting: number;
  savedAt: Date | null;
};

const plural = (n: number, one: string, many: string) => `${n} answer${n === 1 ? ` ${one}` : `s ${many}`}`;

/**
 * The one line the page shows: saving while anything is on its way, then a failure, then answers
 * that wait for the person (a conflict to settle, a refusal to correct), then waiting answers, and
 * "saved" only when the server has every answer.
 */
export function saveStatus(facts: StatusFacts): SaveStatus {
  if (facts.sending > 0) return { kind: 'saving' };
  if (facts.failure) return { kind: 'error', ...facts.failure };
  if (facts.conflicted > 0) {
    return {
      kind: 'error',
      message: `${plural(facts.conflicted, 'was', 'were')} changed by someone else meanwhile; choose which to keep at the marked question`,
    };
  }
  if (facts.refused > 0) {
    return {
      kind: 'error',
      message: `${plural(facts.refused, 'was', 'were')} not saved; see the marked question`,
    };
  }
  if (facts.waiting > 0) return { kind: 'pending' };
  return facts.savedAt ? { kind: 'saved', at: facts.savedAt } : { kind: 'idle' };
}

/** What a refused or failed save means for the answers it carried. */
export type SaveRefusal =
  /** Someone else saved these meanwhile (409): they wait for the person's choice; the rest go again. */
  | { kind: 'conflict'; conflicts: AnswerConflict[] }
  /** The server refused these answers (400): each is marked; the rest go again. */
  | { kind: 'refused'; errors: Record<string, string> }
  /** Nothing was saved: keep every answer, and retry unless retrying cannot help. */
  | { kind: 'failed'; failure: SaveFailure; retry: boolean };

const conflictsSchema = z.array(answerConflictSchema.loose());
/** A 400's details name the refused answers; other details (a malformed body) name none. */
const refusedAnswersSchema = z.array(
  z.looseObject({ questionId: z.string().optional(), message: z.string().optional() }),
);

/** Reads a save's error: the server's conflicts and refusals per answer, or a failure of the whole save. */
export function readSaveError(error: unknown): SaveRefusal {
  if (error instanceof ApiClientError && error.status === 409) {
    const conflicts = conflictsSchema.safeParse(error.details);
    if (conflicts.success) return { kind: 'conflict', conflicts: conflicts.data };
  }
  if (error instanceof ApiClientError && error.status === 400) {
    const refused = refusedAnswersSchema.safeParse(error.details);
    if (refused.success) {
      const errors: Record<string, string> = {};
      for (const d of refused.data) {
        if (d.questionId) errors[d.questionId] = `Not saved: ${d.message ?? 'invalid answer'}`;
      }
      return { kind: 'refused', errors };
    }
  }
  const message = toApiClientError(error, 'Could not save').message;
  // No answer, or the server's own trouble: worth another try. A refusal of another kind is not.
  const retry = !(error instanceof ApiClientError) || error.status === 0 || error.status >= 500;
  // A link replaced (say by a reminder), revoked or expired cannot save again: say so plainly.
  const linkDead = error instanceof ApiClientError && (error.status === 404 || error.status === 410);
  return { kind: 'failed', retry, failure: { message: retry ? `${message} Retrying…` : message, linkDead } };
}
