import type { Question, QuestionOption, QuestionType } from './template-schema';

export const choiceTypes: readonly QuestionType[] = ['yes_no', 'single_choice', 'multiple_choice'];

/** Types whose answer can carry points; text and dates are for reviewers to read. */
export const scorableTypes: readonly QuestionType[] = [
  'yes_no',
  'single_choice',
  'multiple_choice',
  'number',
  'file',
];

/** Yes/no questions without explicit options: "yes" is full assurance, "no" none. */
export const defaultYesNoOptions: readonly QuestionOption[] = [
  { value: 'yes', label: 'Yes', points: 1 },
  { value: 'no', label: 'No', points: 0 },
];

/** The options a respondent picks from, with yes/no filled in when the template leaves them out. */
export function effectiveOptions(question: Pick<Question, 'type' | 'options'>): readonly QuestionOption[] {
  if (question.type === 'yes_no') return question.options ?? defaultYesNoOptions;
  if (question.type === 'single_choice' || question.type === 'multiple_choice') return question.options ?? [];
  return [];
}

export function commentAllowed(question: { allowComment?: boolean | undefined }): boolean {
  return question.allowComment !== false;
}

/** Whether a question can move the residual score at all (hidden or unanswered aside). */
export function isScorable(question: Pick<Question, 'type' | 'weight'>): boolean {
  return question.weight > 0 && scorableTypes.includes(question.type);
}
