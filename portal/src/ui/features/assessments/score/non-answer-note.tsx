import type { NonAnswerEffect } from '@sightline/shared/scoring/score-result-schema';

const kindLabels: Record<NonAnswerEffect['kind'], string> = {
  not_applicable: 'This “not applicable”',
  unknown: 'This “we cannot say”',
  blank: 'This blank answer',
};

type Props = { effect: NonAnswerEffect; questionText: (id: string) => string };

/**
 * What a non-answer did, so a reviewer can see that saying less bought nothing: the follow-ups it
 * kept out of view, those it showed as the riskier answer would, and what it took out of the sums.
 */
export function NonAnswerNote({ effect, questionText }: Props) {
  const list = (ids: readonly string[]) => ids.map(questionText).join('; ');
  const parts: string[] = [];
  if (effect.hid.length > 0) parts.push(`hid ${list(effect.hid)}`);
  if (effect.showed.length > 0) parts.push(`showed ${list(effect.showed)}`);
  if (effect.removedFromSums.length > 0)
    parts.push(`removed ${list(effect.removedFromSums)} from the sums (weight ${effect.removedWeight})`);
  return (
    <p className="non-answer-note">
      {kindLabels[effect.kind]}{' '}
      {parts.length === 0 ? 'hid nothing and removed nothing from the sums' : parts.join('; ')}.
    </p>
  );
}
