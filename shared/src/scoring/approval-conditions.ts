import { type Answers, answerState } from '../questionnaire/answer-schema';
import { type EvidenceByQuestion, evidenceState } from '../questionnaire/evidence-summary';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question, Template } from '../questionnaire/template-schema';
import type { ApprovalCondition, BreakdownItem } from './score-result-schema';

/**
 * The conditions an approval would carry: one per scored answer that fell short of full assurance,
 * in words a vendor and an approver can act on (the question, what was answered, what would close
 * the gap), largest shortfall first. Empty when nothing fell short, which is what makes "approve"
 * reachable for any use.
 */
export function approvalConditions(
  template: Template,
  breakdown: readonly BreakdownItem[],
  answers: Answers,
  evidence: EvidenceByQuestion,
): ApprovalCondition[] {
  const questions = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const order = [...questions.keys()];
  const found: ApprovalCondition[] = [];
  for (const item of breakdown) {
    if (!item.scored || item.points === null || item.points >= 1) continue;
    const question = questions.get(item.questionId);
    if (!question) continue;
    found.push({
      questionId: item.questionId,
      sectionId: item.sectionId,
      question: question.text,
      answer: answerWords(question, item, answers, evidence),
      fix: fixWords(question, item),
      contribution: item.contribution,
    });
  }
  return found.sort(
    (a, b) => b.contribution - a.contribution || order.indexOf(a.questionId) - order.indexOf(b.questionId),
  );
}

/** The conditions as numbered lines, for the decision dialog to prefill. */
export function approvalConditionsText(conditions: readonly ApprovalCondition[]): string {
  return conditions.map((c, i) => `${i + 1}. ${conditionSentence(c)}`).join('\n');
}

export function conditionSentence(c: ApprovalCondition): string {
  return `${c.question} Answered: ${c.answer}. To meet this: ${c.fix}.`;
}

function answerWords(
  question: Question,
  item: BreakdownItem,
  answers: Answers,
  evidence: EvidenceByQuestion,
): string {
  const state = answerState(question, answers, evidence);
  const evState = evidenceState(question, evidence, question.id);
  if (question.type === 'file') {
    return evState === 'uploaded' ? 'a file, not yet verified' : 'nothing uploaded';
  }
  if (state.state !== 'answered')
    return state.state === 'invalid' ? 'an answer that no longer fits' : 'no answer';
  const value = state.answer.value;
  const options = effectiveOptions(question);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const words = Array.isArray(value)
    ? value.map(labelOf).join('; ')
    : typeof value === 'string'
      ? labelOf(value)
      : String(value);
  const quoted = `"${words}"`;
  if (item.evidenceFactor !== null && item.evidenceFactor < 1) {
    return `${quoted}, ${evState === 'uploaded' ? 'evidence not yet verified' : 'without evidence'}`;
  }
  return quoted;
}

function fixWords(question: Question, item: BreakdownItem): string {
  const label = question.evidence?.label ?? 'the evidence';
  const verify = `have the evidence (${lower(label)}) verified`;
  if (item.override && item.override.points < 1) {
    return `a reviewer set the points to ${item.override.points} (${item.override.reason}); settle the gap it names`;
  }
  if (question.type === 'file') {
    return item.evidenceState === 'uploaded'
      ? 'have the uploaded file verified'
      : `upload ${lower(label)} and have it verified`;
  }
  const answerShort = item.answerPoints === null || item.answerPoints < 1;
  const evidenceShort = item.evidenceFactor !== null && item.evidenceFactor < 1;
  const parts: string[] = [];
  if (answerShort) parts.push(bestAnswer(question));
  if (evidenceShort || (answerShort && question.evidence?.requested)) {
    parts.push(
      item.evidenceState === 'uploaded'
        ? verify
        : `provide the evidence (${lower(label)}) and have it verified`,
    );
  }
  return parts.join(', then ') || 'an answer that gives full assurance';
}

function bestAnswer(question: Question): string {
  const options = effectiveOptions(question).filter((o) => !o.knockOut && !o.unknown);
  const top = Math.max(...options.map((o) => o.points ?? 0));
  const best = options.filter((o) => (o.points ?? 0) === top).map((o) => `"${o.label}"`);
  if (best.length === 0 || top < 1) return 'an answer that gives full assurance';
  return `the vendor commits in the contract to ${best.join(' or ')}`;
}

/** "Sub-processor list" → "sub-processor list", but "ISO/IEC 42001 certificate" stays as it is. */
function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
