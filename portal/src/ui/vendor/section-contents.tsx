import { type Answers, answerState } from '@sightline/shared/questionnaire/answer-schema';
import type { EvidenceByQuestion } from '@sightline/shared/questionnaire/evidence-summary';
import type { PublicQuestion, PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import type { Visibility } from '@sightline/shared/questionnaire/visibility';
import { JumpLink } from './jump-link';

type Props = {
  template: PublicTemplate;
  visibility: Visibility<PublicQuestion>;
  answers: Answers;
  evidence: EvidenceByQuestion;
};

/** The sections that apply, each with how much of it is done; a long questionnaire stays navigable. */
export function SectionContents({ template, visibility, answers, evidence }: Props) {
  const counts = new Map<string, { done: number; total: number }>();
  for (const { sectionId, question } of visibility.questions) {
    const entry = counts.get(sectionId) ?? { done: 0, total: 0 };
    const state = answerState(question, answers, evidence).state;
    entry.total += 1;
    if (state === 'answered' || state === 'not_applicable') entry.done += 1;
    counts.set(sectionId, entry);
  }
  return (
    <nav className="contents" aria-label="Sections">
      <h2>Sections</h2>
      <ol>
        {template.sections
          .filter((s) => counts.has(s.id))
          .map((s) => {
            const c = counts.get(s.id)!;
            return (
              <li key={s.id}>
                <JumpLink targetId={`s-${s.id}`}>{s.title}</JumpLink>{' '}
                <span className={c.done === c.total ? 'section-done' : 'hint'}>
                  {c.done}/{c.total}
                  {c.done === c.total ? ' ✓' : ''}
                </span>
              </li>
            );
          })}
      </ol>
    </nav>
  );
}
