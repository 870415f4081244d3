import type { Question, Section, Template } from './template-schema';

/** Small templates for tests: a question with sensible defaults, overridable field by field. */
export function q(fields: Partial<Question> & Pick<Question, 'id' | 'type'>): Question {
  return {
    text: `Question ${fields.id}`,
    required: true,
    allowNotApplicable: false,
    weight: fields.type === 'text' || fields.type === 'date' ? 0 : 1,
    tags: { iso42001: ['A.10.3'] },
    ...fields,
  };
}

export function section(id: string, questions: Question[], fields: Partial<Section> = {}): Section {
  return { id, title: `Section ${id}`, questions, ...fields };
}

export function template(sections: Section[]): Template {
  return { key: 'test', version: 1, title: 'Test template', description: 'For tests', sections };
}

/** A profile with one data question and one switch, enough to drive inherent risk and conditions. */
export const testProfile: Section = section('profile', [
  q({
    id: 'p.data',
    type: 'multiple_choice',
    weight: 0,
    inherentFactor: 'data_categories',
    options: [
      { value: 'none', label: 'None', exclusive: true },
      { value: 'internal', label: 'Internal' },
      { value: 'personal', label: 'Personal data' },
    ],
  }),
  q({ id: 'p.agent', type: 'yes_no', weight: 0 }),
]);
