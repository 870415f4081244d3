import { describe, expect, it } from 'vitest';
import { q, section, template, testProfile } from './template.fixture';
import { errorsOf } from './template-rejections.fixture';

describe('parseTemplate', () => {
  it('rejects duplicate question and section ids', () => {
    const t = template([
      testProfile,
      section('a', [q({ id: 'a.one', type: 'yes_no' })]),
      section('a', [q({ id: 'a.one', type: 'yes_no' })]),
    ]);
    expect(errorsOf(t)).toEqual([
      { path: 'sections[2].id', message: 'duplicate section id "a"' },
      { path: 'sections[2].questions[0].id', message: 'duplicate question id "a.one"' },
    ]);
  });

  it('rejects points outside [0, 1] and negative weights', () => {
    const t = template([
      testProfile,
      section('a', [
        q({
          id: 'a.one',
          type: 'single_choice',
          weight: -1,
          options: [
            { value: 'x', label: 'X', points: 1.5 },
            { value: 'y', label: 'Y', points: -0.1 },
          ],
        }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      { path: 'sections[1].questions[0].weight', message: 'weight must be 0 or more' },
      { path: 'sections[1].questions[0].options[0].points', message: 'points must be between 0 and 1' },
      { path: 'sections[1].questions[0].options[1].points', message: 'points must be between 0 and 1' },
    ]);
  });

  it('requires options for choice questions and points on options of weighted questions', () => {
    const t = template([
      testProfile,
      section('a', [
        q({ id: 'a.one', type: 'single_choice' }),
        q({
          id: 'a.two',
          type: 'multiple_choice',
          options: [
            { value: 'x', label: 'X', points: 1 },
            { value: 'y', label: 'Y' },
          ],
        }),
        q({ id: 'a.three', type: 'yes_no', options: [{ value: 'yes', label: 'Yes', points: 1 }] }),
      ]),
    ]);
    expect(errorsOf(t).map((e) => e.message)).toEqual([
      'a single_choice question needs at least two options',
      'option "y" needs points because the question has weight',
      'a yes_no question lists exactly the options "yes" and "no", or none',
    ]);
  });

  it('requires an ISO/IEC 42001 tag on every question', () => {
    const t = template([
      testProfile,
      section('a', [q({ id: 'a.one', type: 'yes_no', tags: { iso42001: [] } })]),
    ]);
    expect(errorsOf(t)).toEqual([
      { path: 'sections[1].questions[0].tags.iso42001', message: 'tag at least one ISO/IEC 42001 item' },
    ]);
    const badFormat = template([
      testProfile,
      section('a', [
        q({ id: 'a.one', type: 'yes_no', tags: { iso42001: ['10.3 suppliers'], gdpr: ['28'] } }),
      ]),
    ]);
    expect(errorsOf(badFormat).map((e) => e.path)).toEqual([
      'sections[1].questions[0].tags.iso42001[0]',
      'sections[1].questions[0].tags.gdpr[0]',
    ]);
  });

  it('refuses weight on questions that never score', () => {
    const t = template([testProfile, section('a', [q({ id: 'a.one', type: 'text', weight: 2 })])]);
    expect(errorsOf(t)).toEqual([
      { path: 'sections[1].questions[0].weight', message: 'text questions never score: set weight to 0' },
    ]);
  });

  it('requires the profile first and keeps inherent factors in it, with known values', () => {
    const noProfile = template([section('a', [q({ id: 'a.one', type: 'yes_no' })])]);
    expect(errorsOf(noProfile)).toEqual([
      { path: 'sections[0].id', message: 'the first section must be the "profile" section' },
    ]);
    const misplaced = template([
      testProfile,
      section('a', [
        q({
          id: 'a.one',
          type: 'single_choice',
          weight: 0,
          inherentFactor: 'autonomy',
          options: [
            { value: 'none', label: 'None' },
            { value: 'robot', label: 'Robot' },
          ],
        }),
      ]),
    ]);
    expect(errorsOf(misplaced).map((e) => e.message)).toEqual([
      'only profile questions may feed inherent risk',
      '"robot" is not a value of inherent factor "autonomy" (allowed: none, assisted, autonomous)',
    ]);
  });

  it('keeps "we cannot say" no better than the weakest answer, exclusive, and off yes/no questions', () => {
    const t = template([
      testProfile,
      section('a', [
        q({
          id: 'a.single',
          type: 'single_choice',
          options: [
            { value: 'good', label: 'Good', points: 1 },
            { value: 'weak', label: 'Weak', points: 0.2 },
            { value: 'unknown', label: 'We cannot say', points: 0.5, unknown: true },
          ],
        }),
        q({
          id: 'a.multi',
          type: 'multiple_choice',
          weight: 0,
          options: [
            { value: 'x', label: 'X' },
            { value: 'unknown', label: 'We cannot say', unknown: true },
          ],
        }),
      ]),
    ]);
    expect(errorsOf(t)).toEqual([
      {
        path: 'sections[1].questions[0].options[2].points',
        message: '"unknown" means "we cannot say", so it may score no more than the weakest answer (0.2)',
      },
      {
        path: 'sections[1].questions[1].options[1].unknown',
        message: '"we cannot say" cannot be combined with other options: make it exclusive',
      },
    ]);
  });
});
