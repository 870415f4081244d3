import type { DbOrTx } from '@sightline/db/client';
import { assessmentAnswer, evidenceFile } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { finding } from '@sightline/db/schema/findings';
import { utcDay } from '@sightline/shared/assessments/dates';
import {
  blockingFindingStatuses,
  type FindingEvent,
  findingTransition,
} from '@sightline/shared/findings/finding-states';
import type {
  FindingTransitionInput,
  FlagFindingInput,
  UpdateFindingInput,
} from '@sightline/shared/findings/findings-api';
import { answerInWords } from '@sightline/shared/questionnaire/answer-in-words';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { answersOf, evidenceSummaryOf } from '../assessments/answer-records';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { checkDueDate, lockAssessment, snapshotOf } from '../assessments/assessment-records';
import { recordFindingChange } from './finding-history';
import { getFinding } from './finding-queries';

/** Reviewers flag questions once the vendor has submitted, until the decision. */
const flaggableStates: readonly string[] = ['submitted', 'under_review', 'changes_requested'];

/** Findings that stand in the way of an approval; the decision step refuses while any remain. */
export async function blockingFindings(
  tx: DbOrTx,
  assessmentId: string,
): Promise<{ id: string; title: string }[]> {
  return tx
    .select({ id: finding.id, title: finding.title })
    .from(finding)
    .where(and(eq(finding.assessmentId, assessmentId), inArray(finding.status, [...blockingFindingStatuses])))
    .orderBy(asc(finding.createdAt));
}

/** Reads a finding and locks it for the rest of the transaction. */
export async function lockFinding(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(finding).where(eq(finding.id, id)).for('update');
  if (!row) throw new AppError('not_found', 'No finding with this id');
  return row;
}

const actorId = (actor: Actor) => (actor.type === 'staff' ? actor.user.id : null);
const MAX_TITLE = 300;

/** One click from the breakdown: the question, the vendor's answer as it stands, a medium severity. */
export async function flagFinding(
  deps: AssessmentDeps,
  actor: Actor,
  assessmentId: string,
  input: FlagFindingInput,
) {
  const { now } = deps;
  const id = await deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, assessmentId);
    if (!flaggableStates.includes(row.state)) {
      throw new AppError(
        'conflict',
        'Questions are flagged once the vendor has submitted, before the decision',
      );
    }
    const template = snapshotOf(row);
    const found = template.sections
      .flatMap((s) => s.questions.map((question) => ({ sectionId: s.id, question })))
      .find((q) => q.question.id === input.questionId);
    if (!found)
      throw new AppError('bad_request', `Not a question of this questionnaire: ${input.questionId}`);
    const [answerRows, files] = await Promise.all([
      tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
      tx
        .select({ questionId: evidenceFile.questionId })
        .from(evidenceFile)
        .where(and(eq(evidenceFile.assessmentId, row.id), isNull(evidenceFile.removedAt))),
    ]);
    const text = found.question.text;
    const [created] = await tx
      .insert(finding)
      .values({
        assessmentId: row.id,
        vendorId: row.vendorId,
        source: 'reviewer',
        sourceKey: `flag:${input.questionId}`,
        questionId: input.questionId,
        sectionId: found.sectionId,
        answer: answerInWords(found.question, answersOf(answerRows), evidenceSummaryOf(files)),
        title: input.title ?? (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text),
        severity: input.severity,
        requestedAction: input.requestedAction || null,
        createdBy: actorId(actor),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [finding.assessmentId, finding.sourceKey] })
      .returning({ id: finding.id });
    if (!created) throw new AppError('conflict', 'This question is already flagged as a finding');
    await recordFindingChange(
      tx,
      actor,
      {
        findingId: created.id,
        action: 'flagged',
        toStatus: 'open',
        details: { assessmentId: row.id, questionId: input.questionId, severity: input.severity },
      },
      now,
    );
    return created.id;
  });
  return getFinding(deps.db, id, utcDay(now));
}

async function checkOwner(tx: DbOrTx, ownerId: string) {
  const [owner] = await tx
    .select({ role: user.role, disabled: user.disabled })
    .from(user)
    .where(eq(user.id, ownerId));
  if (!owner || owner.disabled) throw new AppError('bad_request', 'The owner must be an active staff member');
  if (owner.role === 'viewer') {
    throw new AppError('bad_request', 'The owner must be able to see findings (a viewer cannot)');
  }
}

const fieldLabels = {
  title: 'title',
  severity: 'severity',
  ownerId: 'owner',
  dueOn: 'due date',
  requestedAction: 'requested action',
} as const;

/** Owner, due date, severity, title or the ask of the vendor; status moves through `transitionFinding`. */
export async function updateFinding(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: UpdateFindingInput,
) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const row = await lockFinding(tx, id);
    if (input.ownerId) await checkOwner(tx, input.ownerId);
    if (input.dueOn) checkDueDate(input.dueOn, now);
    const next = {
      ...input,
      ...(input.requestedAction !== undefined ? { requestedAction: input.requestedAction || null } : {}),
    };
    const changed = (Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]).filter(
      (k) => next[k] !== undefined && next[k] !== row[k],
    );
    if (changed.length === 0) return;
    const set = Object.fromEntries(changed.map((k) => [k, next[k]]));
    await tx
      .update(finding)
      .set({ ...set, updatedAt: now })
      .where(eq(finding.id, id));
    await recordFindingChange(
      tx,
      actor,
      {
        findingId: id,
        action: 'updated',
        note: `Changed ${changed.map((k) => fieldLabels[k]).join(', ')}`,
        details: { changes: Object.fromEntries(changed.map((k) => [k, { from: row[k], to: next[k] }])) },
      },
      now,
    );
  });
  return getFinding(deps.db, id, utcDay(now));
}

/** Remediation and resolution are the reviewers' call; accepting a risk is the approvers'. */
function checkRole(actor: Actor, event: FindingEvent) {
  const role = actor.type === 'staff' ? actor.user.role : null;
  const allowed = event === 'accept_risk' ? ['admin', 'approver'] : ['admin', 'reviewer'];
  if (!role || !allowed.includes(role)) {
    throw new AppError(
      'forbidden',
      event === 'accept_risk' ? 'Only an approver can accept a risk' : 'Only a reviewer can do this',
    );
  }
}

export async function transitionFinding(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: FindingTransitionInput,
) {
  const event = input.event as FindingEvent;
  checkRole(actor, event);
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const row = await lockFinding(tx, id);
    const moved = findingTransition(row.status, event);
    if (!moved.ok)
      throw new AppError('conflict', moved.reason.charAt(0).toUpperCase() + moved.reason.slice(1));
    const note = input.note || null;
    await tx
      .update(finding)
      .set({
        status: moved.to,
        updatedAt: now,
        ...(event === 'accept_risk' ? { acceptedBy: actorId(actor), acceptedReason: note } : {}),
        // A reopened risk is no longer accepted; the history keeps who had accepted it and why.
        ...(event === 'reopen' ? { acceptedBy: null, acceptedReason: null } : {}),
      })
      .where(eq(finding.id, id));
    await recordFindingChange(
      tx,
      actor,
      { findingId: id, action: event, fromStatus: row.status, toStatus: moved.to, note },
      now,
    );
  });
  return getFinding(deps.db, id, utcDay(now));
}
