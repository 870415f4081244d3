import type { z } from 'zod';
import { euAiActClasses } from '../inventory/inventory-enums';
import { type Condition, conditionLeaves } from './condition-schema';
import { autonomyLevels, dataCategories, decisionImpacts, type InherentFactor } from './profile-vocabulary';
import { choiceTypes, effectiveOptions } from './question-helpers';
import type { Question, QuestionType, Section } from './template-schema';
import { contextConditionFields } from './use-context';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

export const PROFILE_SECTION_ID = 'profile';

const factorRules: Record<InherentFactor, { type: QuestionType; values?: readonly string[] }> = {
  data_categories: { type: 'multiple_choice', values: dataCategories },
  user_count: { type: 'number' },
  decisions_about_people: { type: 'single_choice', values: decisionImpacts },
  autonomy: { type: 'single_choice', values: autonomyLevels },
  ai_act_class: { type: 'single_choice', values: euAiActClasses },
};

/**
 * The rules a shape check cannot express. Conditions may only look back, so a respondent's page
 * can be evaluated top to bottom and a hidden answer can never unhide what came before it.
 */
export function checkTemplateRules(template: { sections: Section[] }, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const allIds = new Set(template.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const earlier = new Map<string, Question>();
  const sectionIds = new Set<string>();
  const factors = new Set<InherentFactor>();

  template.sections.forEach((section, si) => {
    const sectionPath: Path = ['sections', si];
    if (si === 0 && section.id !== PROFILE_SECTION_ID) {
      report([...sectionPath, 'id'], `the first section must be the "${PROFILE_SECTION_ID}" section`);
    }
    if (si > 0 && section.id === PROFILE_SECTION_ID) {
      report([...sectionPath, 'id'], `the "${PROFILE_SECTION_ID}" section must come first`);
    }
    if (sectionIds.has(section.id)) report([...sectionPath, 'id'], `duplicate section id "${section.id}"`);
    sectionIds.add(section.id);
    if (section.condition && section.id === PROFILE_SECTION_ID) {
      report(
        [...sectionPath, 'condition'],
        'the profile section is always shown and cannot have a condition',
      );
    }
    if (section.condition) {
      checkCondition(section.condition, [...sectionPath, 'condition'], earlier, allIds, report);
    }

    section.questions.forEach((question, qi) => {
      const path: Path = [...sectionPath, 'questions', qi];
      if (earlier.has(question.id)) report([...path, 'id'], `duplicate question id "${question.id}"`);
      if (question.condition) {
        checkCondition(question.condition, [...path, 'condition'], earlier, allIds, report);
      }
      checkOptions(question, path, report);
      effectiveOptions(question).forEach((option, oi) => {
        if (option.knockOut?.condition) {
          const at = [...path, 'options', oi, 'knockOut', 'condition'];
          checkCondition(option.knockOut.condition, at, earlier, allIds, report);
        }
      });
      checkScoring(question, path, report);
      if (question.inherentFactor) {
        if (section.id !== PROFILE_SECTION_ID) {
          report([...path, 'inherentFactor'], 'only profile questions may feed inherent risk');
        }
        if (factors.has(question.inherentFactor)) {
          report([...path, 'inherentFactor'], `inherent factor "${question.inherentFactor}" is already used`);
        }
        factors.add(question.inherentFactor);
        checkFactor(question, question.inherentFactor, path, report);
      }
      if (!earlier.has(question.id)) earlier.set(question.id, question);
    });
  });
}

function checkCondition(
  condition: Condition,
  path: Path,
  earlier: ReadonlyMap<string, Question>,
  allIds: ReadonlySet<string>,
  report: Report,
): void {
  for (const leaf of conditionLeaves(condition)) {
    const leafPath = [...path, ...leaf.path];
    const valuePath = (vi: number) =>
      leaf.operator === 'equals' ? [...leafPath, 'equals'] : [...leafPath, 'includesAny', vi];
    if (leaf.source === 'context') {
      const valid: readonly string[] = contextConditionFields[leaf.field];
      if (leaf.field === 'dataCategories' && leaf.operator === 'equals') {
        report(
          [...leafPath, 'equals'],
          "the use context's data categories are a list: use includesAny instead of equals",
        );
      }
      leaf.values.forEach((value, vi) => {
        if (!valid.includes(value)) {
          report(
            valuePath(vi),
            `"${value}" is not a value of the use context's ${leaf.field} (values: ${valid.join(', ')})`,
          );
        }
      });
      continue;
    }
    const target = earlier.get(leaf.questionId);
    if (!target) {
      report(
        [...leafPath, 'questionId'],
        allIds.has(leaf.questionId)
          ? `condition refers to "${leaf.questionId}", which comes later; conditions may only use earlier answers`
          : `condition refers to unknown question "${leaf.questionId}"`,
      );
      continue;
    }
    if (!choiceTypes.includes(target.type)) {
      report(
        [...leafPath, 'questionId'],
        `condition refers to "${target.id}", a ${target.type} question; only yes/no and choice answers can be compared`,
      );
      continue;
    }
    if (leaf.operator === 'equals' && target.type === 'multiple_choice') {
      report([...leafPath, 'equals'], `"${target.id}" is multiple choice: use includesAny instead of equals`);
    }
    const valid = effectiveOptions(target).map((o) => o.value);
    leaf.values.forEach((value, vi) => {
      if (!valid.includes(value)) {
        report(valuePath(vi), `"${value}" is not an option of "${target.id}" (options: ${valid.join(', ')})`);
      }
    });
  }
}

function checkOptions(question: Question, path: Path, report: Report): void {
  const { type, options } = question;
  if ((type === 'single_choice' || type === 'multiple_choice') && (!options || options.length < 2)) {
    report([...path, 'options'], `a ${type} question needs at least two options`);
  }
  if (type === 'yes_no' && options) {
    const values = options.map((o) => o.value).sort();
    if (values.length !== 2 || values[0] !== 'no' || values[1] !== 'yes') {
      report([...path, 'options'], 'a yes_no question lists exactly the options "yes" and "no", or none');
    }
  }
  if (!choiceTypes.includes(type) && options) {
    report([...path, 'options'], `a ${type} question has no options`);
  }
  const seen = new Set<string>();
  options?.forEach((option, oi) => {
    if (seen.has(option.value))
      report([...path, 'options', oi, 'value'], `duplicate option "${option.value}"`);
    seen.add(option.value);
    if (option.exclusive && type !== 'multiple_choice') {
      report([...path, 'options', oi, 'exclusive'], 'only multiple-choice options can be exclusive');
    }
    if (option.unknown && type === 'multiple_choice' && !option.exclusive) {
      report(
        [...path, 'options', oi, 'unknown'],
        '"we cannot say" cannot be combined with other options: make it exclusive',
      );
    }
    if (option.unknown && type === 'yes_no') {
      report(
        [...path, 'options', oi, 'unknown'],
        'a yes_no question has no "we cannot say" option: use single_choice',
      );
    }
  });
  // Saying less never helps: "we cannot say" gives no more assurance than the weakest real answer.
  const unknownOptions = options?.filter((o) => o.unknown) ?? [];
  const known =
    options?.filter((o) => !o.unknown && o.points !== undefined).map((o) => o.points as number) ?? [];
  for (const option of unknownOptions) {
    if (option.points !== undefined && known.some((p) => option.points! > p)) {
      report(
        [...path, 'options', options!.indexOf(option), 'points'],
        `"${option.value}" means "we cannot say", so it may score no more than the weakest answer (${Math.min(...known)})`,
      );
    }
  }
  if (question.aggregate && type !== 'multiple_choice') {
    report([...path, 'aggregate'], 'aggregate applies to multiple-choice questions only');
  }
  if (type !== 'number' && (question.numberRange || question.numberBands)) {
    report(
      [...path, question.numberRange ? 'numberRange' : 'numberBands'],
      'applies to number questions only',
    );
  }
  const range = question.numberRange;
  if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
    report([...path, 'numberRange'], 'min must not be greater than max');
  }
  question.numberBands?.forEach((band, bi) => {
    if (band.min !== undefined && band.max !== undefined && band.min >= band.max) {
      report([...path, 'numberBands', bi], 'a band needs min below max');
    }
  });
  if (question.evidence?.certificateExpiry && !question.evidence.requested) {
    report(
      [...path, 'evidence', 'certificateExpiry'],
      'an expiry date is only asked with requested evidence',
    );
  }
  if (type === 'file' && !question.evidence?.requested) {
    report([...path, 'evidence'], 'a file question must request evidence ({ requested: true, label })');
  }
}

function checkScoring(question: Question, path: Path, report: Report): void {
  if (question.weight === 0) return;
  if (question.type === 'text' || question.type === 'date') {
    report([...path, 'weight'], `${question.type} questions never score: set weight to 0`);
  }
  if (question.type === 'number' && !question.numberBands) {
    report([...path, 'numberBands'], 'a weighted number question needs numberBands to score it');
  }
  question.options?.forEach((option, oi) => {
    if (option.points === undefined) {
      report(
        [...path, 'options', oi, 'points'],
        `option "${option.value}" needs points because the question has weight`,
      );
    }
  });
}

function checkFactor(question: Question, factor: InherentFactor, path: Path, report: Report): void {
  const rule = factorRules[factor];
  if (question.type !== rule.type) {
    report([...path, 'type'], `inherent factor "${factor}" needs a ${rule.type} question`);
    return;
  }
  const allowed = rule.values;
  if (!allowed) return;
  question.options?.forEach((option, oi) => {
    if (!allowed.includes(option.value)) {
      report(
        [...path, 'options', oi, 'value'],
        `"${option.value}" is not a value of inherent factor "${factor}" (allowed: ${allowed.join(', ')})`,
      );
    }
  });
}
