import { effectiveOptions } from '@sightline/shared/questionnaire/question-helpers';
import type { Template } from '@sightline/shared/questionnaire/template-schema';

export const questionsOf = (t: Template) => t.sections.flatMap((s) => s.questions);

export function questionIn(template: Template, id: string) {
  const found = questionsOf(template).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id} in the questionnaire sent`);
  return found;
}

/**
 * A vendor with good practice: on every choice the option worth most points that is neither a
 * knock-out nor "we cannot say", and a low-risk profile (internal documents, minimal-risk class). The
 * first option is not always the best one (v1's first answer to "any prohibited practice?" is "Yes").
 * Read from the questionnaire sent, so it holds for whichever version is the default.
 */
export function strongAnswers(template: Template): Record<string, string> {
  const picks: Record<string, string> = {};
  for (const q of questionsOf(template)) {
    const best = effectiveOptions(q)
      .filter((o) => !o.knockOut && !(o as { unknown?: boolean }).unknown)
      .sort((a, b) => (b.points ?? 0) - (a.points ?? 0))[0];
    if (best) picks[`q-${q.id}`] = best.label;
  }
  return {
    ...picks,
    'q-profile.data_categories': 'Internal, non-sensitive information',
    'q-profile.ai_act_class': 'Minimal risk, no specific duties',
  };
}
