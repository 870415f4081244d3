import { describe, expect, it } from 'vitest';
import { q, section, template, testProfile } from './template.fixture';
import { errorsOf } from './template-rejections.fixture';

describe('parseTemplate', () => {
  it('rejects a condition on a later question, naming it and the path', () => {
    const t = template([
      testProfile,
      section('a', [
        q({ id: 'a.one', type: 'yes_no', condition: { questionId: 'a.two', equals: 'yes' } }),
        q({ id: 'a.two', type: 'yes_no' }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].condition.questionId',
        message: 'condition refers to "a.two", which comes later; conditions may only use earlier answers',
      },
    ]);
  });

  it('rejects a section condition on a question inside that section', () => {
    const t = template([
      testProfile,
      section('a', [q({ id: 'a.one', type: 'yes_no' })], {
        condition: { questionId: 'a.one', equals: 'yes' },
      }),
    ]);
    expect(errorsOf(t)[0]?.path).toBe('sections[1].condition.questionId');
  });

  it('finds conditions nested in all/any/not and unknown ids', () => {
    const t = template([
      testProfile,
      section('a', [
        q({
          id: 'a.one',
          type: 'yes_no',
          condition: {
            all: [{ questionId: 'p.agent', equals: 'yes' }, { not: { questionId: 'ghost', equals: 'x' } }],
          },
        }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].condition.all[1].not.questionId',
        message: 'condition refers to unknown question "ghost"',
      },
    ]);
  });

  it('rejects condition values that are not options, and equals on multiple choice', () => {
    const t = template([
      testProfile,
      section('a', [
        q({ id: 'a.one', type: 'yes_no', condition: { questionId: 'p.agent', equals: 'maybe' } }),
        q({ id: 'a.two', type: 'yes_no', condition: { questionId: 'p.data', equals: 'personal' } }),
        q({
          id: 'a.three',
          type: 'yes_no',
          condition: { questionId: 'p.data', includesAny: ['internal', 'secret'] },
        }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].condition.equals',
        message: '"maybe" is not an option of "p.agent" (options: yes, no)',
      },
      {
        path: 'sections[1].questions[1].condition.equals',
        message: '"p.data" is multiple choice: use includesAny instead of equals',
      },
      {
        path: 'sections[1].questions[2].condition.includesAny[1]',
        message: '"secret" is not an option of "p.data" (options: none, internal, personal)',
      },
    ]);
  });

  it('checks conditions on the use context: known fields, known values, lists compared with includesAny', () => {
    const t = template([
      testProfile,
      section('a', [
        q({
          id: 'a.one',
          type: 'yes_no',
          condition: { useContext: 'dataCategories', includesAny: ['gossip'] },
        }),
        q({ id: 'a.two', type: 'yes_no', condition: { useContext: 'dataCategories', equals: 'personal' } }),
        q({ id: 'a.three', type: 'yes_no', condition: { useContext: 'euAiActClass', equals: 'high_risk' } }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].condition.includesAny[0]',
        message: expect.stringContaining('"gossip" is not a value of the use context\'s dataCategories'),
      },
      {
        path: 'sections[1].questions[1].condition.equals',
        message: "the use context's data categories are a list: use includesAny instead of equals",
      },
    ]);
    expect(
      errorsOf({
        ...t,
        sections: [
          testProfile,
          section('a', [
            q({ id: 'a.x', type: 'yes_no', condition: { useContext: 'mood', equals: 'x' } as never }),
          ]),
        ],
      })[0]?.path,
    ).toBe('sections[1].questions[0].condition');
  });

  it('checks a knock-out’s condition like any other', () => {
    const t = template([
      testProfile,
      section('a', [
        q({
          id: 'a.keep',
          type: 'yes_no',
          options: [
            {
              value: 'yes',
              label: 'Yes',
              points: 0,
              knockOut: { reason: 'Kept.', condition: { questionId: 'a.later', equals: 'yes' } },
            },
            { value: 'no', label: 'No', points: 1 },
          ],
        }),
        q({ id: 'a.later', type: 'yes_no' }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].options[0].knockOut.condition.questionId',
        message: 'condition refers to "a.later", which comes later; conditions may only use earlier answers',
      },
    ]);
  });
});
