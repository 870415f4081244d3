import type { AnswerConflict } from '@sightline/shared/assessments/vendor-page-api';
import { type AnswerInput, validateAnswer } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { readSaveError, type SaveFailure, type SaveStatus, saveStatus } from './autosave-rules';

export type { SaveStatus } from './autosave-rules';

/** Answers with the revision each was saved at, as the server sends them and as this page holds them. */
export type AnswerSet = {
  answers: Record<string, AnswerInput>;
  revisions: Record<string, number>;
};

export type SaveAnswers = (
  answers: Record<string, AnswerInput>,
  baseRevisions: Record<string, number>,
) => Promise<{ revisions: Record<string, number> }>;

export type AutosaveSnapshot = {
  answers: Record<string, AnswerInput>;
  errors: Record<string, string>;
  conflicts: Record<string, AnswerConflict>;
  status: SaveStatus;
};

export const DEBOUNCE_MS = 700;
export const RETRY_MS = 5_000;
/** Rounds one flush may take to settle refusals that leave other answers to send again. */
const FLUSH_ROUNDS = 5;

/**
 * Server data merged into this page's: answers the person has not saved yet (`keepLocal`) stay as they
 * are, with the revision they started from so a colleague's later save still comes back as a conflict;
 * any other answer is taken from the server when the server's is newer. A refetch that left before a
 * save landed is older than what the page holds, and so changes nothing.
 */
export function mergeServerAnswers(
  local: AnswerSet,
  server: AnswerSet,
  keepLocal: (questionId: string) => boolean,
): AnswerSet {
  const answers = { ...local.answers };
  const revisions = { ...local.revisions };
  for (const [id, answer] of Object.entries(server.answers)) {
    if (keepLocal(id)) continue;
    const serverRevision = server.revisions[id] ?? 0;
    if (id in local.answers && serverRevision <= (local.revisions[id] ?? 0)) continue;
    answers[id] = answer;
    revisions[id] = serverRevision;
  }
  return { answers, revisions };
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const next = { ...record };
  delete next[id];
  return next;
}

/**
 * The vendor page's answers and their way to the server, without React: local answers with debounced
 * autosave, refetched server data merged in without dropping anything typed, and a save on the way out.
 * Only changed answers are sent; an answer the question refuses is marked and not sent; a network
 * failure keeps the changes and retries. Each save names the revision of each answer this page last
 * saw, so an answer a colleague saved meanwhile comes back as a conflict for the person to settle.
 * The status says saved only when the server has confirmed every answer the person gave.
 */
export function createAutosave(save: SaveAnswers) {
  let answers: Record<string, AnswerInput> = {};
  let revisions: Record<string, number> = {};
  let errors: Record<string, string> = {};
  let conflicts: Record<string, AnswerConflict> = {};
  /** Changed here and not sent yet. */
  const dirty = new Set<string>();
  /** Requests on their way per question (two only when the page sends on leaving during a save). */
  const sending = new Map<string, number>();
  const flights = new Set<Promise<Outcome>>();
  let failure: SaveFailure | null = null;
  let savedAt: Date | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  type Outcome = 'saved' | 'send-rest' | 'failed';

  const unsaved = (id: string) => dirty.has(id) || sending.has(id) || id in conflicts || id in errors;
  // A conflicted answer waits for the person's choice; a refused one for a correction.
  const sendable = () => [...dirty].filter((id) => !(id in conflicts) && !(id in errors));

  const status = (): SaveStatus =>
    saveStatus({
      sending: sending.size,
      failure,
      conflicted: Object.keys(conflicts).length,
      refused: Object.keys(errors).length,
      waiting: dirty.size,
      savedAt,
    });

  let snapshot: AutosaveSnapshot = { answers, errors, conflicts, status: status() };
  function emit() {
    snapshot = { answers, errors, conflicts, status: status() };
    for (const listener of listeners) listener();
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  function succeeded(payload: Record<string, AnswerInput>, saved: Record<string, number>) {
    for (const [id, revision] of Object.entries(saved)) {
      // Two requests may answer out of order; the server's revisions only grow.
      revisions[id] = Math.max(revisions[id] ?? 0, revision);
    }
    for (const id of Object.keys(payload)) {
      if (answers[id] === payload[id]) errors = without(errors, id);
    }
    failure = null;
    savedAt = new Date();
    return 'saved' as const;
  }

  function failed(ids: string[], error: unknown): Outcome {
    const refusal = readSaveError(error);
    if (refusal.kind === 'conflict') {
      conflicts = { ...conflicts, ...Object.fromEntries(refusal.conflicts.map((c) => [c.questionId, c])) };
      // The request was refused whole: the conflicted answers wait for a choice, the rest go again.
      for (const id of ids) dirty.add(id);
      failure = null;
      return 'send-rest';
    }
    if (refusal.kind === 'refused') {
      errors = { ...errors, ...refusal.errors };
      // The request was refused whole: the acceptable answers go again on their own.
      for (const id of ids) if (!(id in refusal.errors)) dirty.add(id);
      failure = null;
      return 'send-rest';
    }
    for (const id of ids) dirty.add(id);
    failure = refusal.failure;
    if (refusal.retry) schedule(RETRY_MS);
    return 'failed';
  }

  /** Sends these answers now, without waiting for a save already on its way. */
  function send(ids: string[]): Promise<Outcome> {
    const payload: Record<string, AnswerInput> = {};
    const bases: Record<string, number> = {};
    for (const id of ids) {
      payload[id] = answers[id] ?? { value: null };
      // While this page's own earlier save of the answer is on its way its new revision is unknown,
      // and naming the old one would make that save look like someone else's.
      if (!sending.has(id)) bases[id] = revisions[id] ?? 0;
      dirty.delete(id);
      sending.set(id, (sending.get(id) ?? 0) + 1);
    }
    const settle = (outcome: () => Outcome): Outcome => {
      for (const id of ids) {
        const left = (sending.get(id) ?? 1) - 1;
        if (left > 0) sending.set(id, left);
        else sending.delete(id);
      }
      const result = outcome();
      if (result === 'send-rest' && sendable().length > 0) schedule(DEBOUNCE_MS);
      emit();
      return result;
    };
    const flight: Promise<Outcome> = save(payload, bases).then(
      (result) => settle(() => succeeded(payload, result.revisions)),
      (error: unknown) => settle(() => failed(ids, error)),
    );
    flights.add(flight);
    void flight.finally(() => flights.delete(flight));
    emit();
    return flight;
  }

  /**
   * Saves everything waiting, after any save already on its way; resolves once the server has
   * answered (saved, refused, or unreachable: nothing typed is dropped either way).
   */
  async function flush(): Promise<void> {
    for (let round = 0; round < FLUSH_ROUNDS; round++) {
      clearTimeout(timer);
      while (flights.size > 0) await Promise.all(flights);
      const ids = sendable();
      if (ids.length === 0) return;
      // Later edits have their own delay; only what a refusal sent back goes again at once.
      if ((await send(ids)) !== 'send-rest') return;
    }
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,

    /** Takes in a refetch of the server's answers without overwriting any the person has not saved. */
    receive(server: AnswerSet) {
      ({ answers, revisions } = mergeServerAnswers({ answers, revisions }, server, unsaved));
      emit();
    },

    update(question: PublicQuestion, next: AnswerInput) {
      answers = { ...answers, [question.id]: next };
      const checked = validateAnswer(question, next);
      if (checked.ok) {
        errors = without(errors, question.id);
        dirty.add(question.id);
        schedule(DEBOUNCE_MS);
      } else {
        errors = { ...errors, [question.id]: checked.error };
        dirty.delete(question.id);
      }
      emit();
    },

    /** Settles a conflict: take the colleague's answer, or save this page's answer over it. */
    resolve(questionId: string, choice: 'theirs' | 'mine') {
      const conflict = conflicts[questionId];
      if (!conflict) return;
      conflicts = without(conflicts, questionId);
      revisions[questionId] = conflict.revision;
      if (choice === 'theirs') {
        answers = { ...answers, [questionId]: conflict.theirs };
        dirty.delete(questionId);
        errors = without(errors, questionId);
        emit();
        return;
      }
      dirty.add(questionId);
      emit();
      void flush();
    },

    flush,

    /**
     * The page is going away (or out of sight, where a phone may end it unannounced): sends what waits
     * at once, without waiting for a save on its way, since nothing may run after this.
     */
    leave() {
      clearTimeout(timer);
      const ids = sendable();
      if (ids.length > 0) void send(ids);
    },

    /** Answers that cannot be sent as they are: conflicted, refused, or the server is not taking them. */
    hasUnsendable: () =>
      Object.keys(conflicts).length > 0 ||
      Object.keys(errors).length > 0 ||
      (failure !== null && dirty.size > 0),
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
