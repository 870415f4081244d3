import { describe, expect, it } from 'vitest';
import { missingRequired, progress } from './completeness';
import { q, section, template, testProfile } from './template.fixture';

const t = template([
  testProfile,
  section('a', [
    q({ id: 'a.required', type: 'yes_no' }),
    q({ id: 'a.optional', type: 'yes_no', required: false }),
    q({ id: 'a.na', type: 'yes_no', allowNotApplicable: true }),
    q({ id: 'a.file', type: 'file', evidence: { requested: true, label: 'Certificate' } }),
  ]),
  section('agents', [q({ id: 'ag.stop', type: 'yes_no' })], {
    condition: { questionId: 'p.agent', equals: 'yes' },
  }),
]);

describe('missingRequired', () => {
  it('lists visible required questions without a usable answer, and required files without a file', () => {
    const answers = {
      'p.data': { value: ['internal'] },
      'p.agent': { value: 'no' },
      'a.na': { notApplicable: true },
      'a.required': { value: 'perhaps' },
    };
    expect(missingRequired(t, answers)).toEqual([
      { questionId: 'a.required', sectionId: 'a', problem: 'invalid', detail: 'choose one of: yes, no' },
      { questionId: 'a.file', sectionId: 'a', problem: 'file_missing' },
    ]);
  });

  it('does not ask for hidden questions and is satisfied by a file upload', () => {
    const answers = {
      'p.data': { value: ['internal'] },
      'p.agent': { value: 'no' },
      'a.required': { value: 'yes' },
      'a.na': { notApplicable: true },
    };
    expect(missingRequired(t, answers, { 'a.file': { count: 1, verified: 0 } })).toEqual([]);
    expect(
      missingRequired(
        t,
        { ...answers, 'p.agent': { value: 'yes' } },
        { 'a.file': { count: 1, verified: 0 } },
      ),
    ).toEqual([{ questionId: 'ag.stop', sectionId: 'agents', problem: 'unanswered' }]);
  });
});

describe('progress', () => {
  it('counts visible questions, answered or not applicable', () => {
    // Nothing answered: the unknown agent switch shows the agents section, as "yes" would.
    expect(progress(t, {})).toEqual({ answered: 0, total: 7, requiredAnswered: 0, requiredTotal: 6 });
    const answers = {
      'p.data': { value: ['internal'] },
      'p.agent': { value: 'yes' },
      'a.optional': { value: 'no' },
      'a.na': { notApplicable: true },
    };
    expect(progress(t, answers)).toEqual({ answered: 4, total: 7, requiredAnswered: 3, requiredTotal: 6 });
  });
});
