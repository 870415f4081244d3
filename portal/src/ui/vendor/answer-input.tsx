import { type AnswerInput, MAX_TEXT_ANSWER_CHARS } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import { type ReactNode, useState } from 'react';

type Props = {
  question: PublicQuestion;
  answer: AnswerInput | undefined;
  disabled: boolean;
  describedBy: string | undefined;
  /** Shown right under the question text (and referenced by aria-describedby). */
  help: ReactNode;
  onChange: (next: AnswerInput) => void;
};

export const fieldId = (questionId: string) => `q-${questionId}`;

/** The control for one question's value; choice groups are fieldsets with the question as legend. */
export function AnswerControl({ question, answer, disabled, describedBy, help, onChange }: Props) {
  const id = fieldId(question.id);
  const notApplicable = answer?.notApplicable === true;
  const set = (value: unknown) => onChange({ ...answer, value, notApplicable: false });
  const off = disabled || notApplicable;

  if (question.type === 'yes_no' || question.type === 'single_choice') {
    const options = question.options ?? [];
    return (
      <fieldset className="choices" aria-describedby={describedBy} id={id}>
        <legend className="question-text">{questionLabel(question)}</legend>
        {help}
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={answer?.value === o.value}
              disabled={off}
              onChange={() => set(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  if (question.type === 'multiple_choice') {
    const chosen = Array.isArray(answer?.value) ? (answer.value as string[]) : [];
    const toggle = (value: string, on: boolean, exclusive: boolean) => {
      let next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
      if (on) {
        const exclusives = new Set((question.options ?? []).filter((o) => o.exclusive).map((o) => o.value));
        // Picking an exclusive option (such as "none") clears the others, and the other way round.
        next = exclusive ? [value] : next.filter((v) => !exclusives.has(v));
      }
      set(next.length > 0 ? next : null);
    };
    return (
      <fieldset className="choices" aria-describedby={describedBy} id={id}>
        <legend className="question-text">
          {questionLabel(question)} <span className="hint">(choose all that apply)</span>
        </legend>
        {help}
        {(question.options ?? []).map((o) => (
          <label key={o.value} className="choice">
            <input
              type="checkbox"
              value={o.value}
              checked={chosen.includes(o.value)}
              disabled={off}
              onChange={(e) => toggle(o.value, e.target.checked, o.exclusive === true)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  if (question.type === 'number')
    return <NumberInput {...{ question, answer, off, describedBy, help, set }} />;

  if (question.type === 'file')
    return (
      <>
        <p className="question-text" id={id}>
          {questionLabel(question)}
        </p>
        {help}
      </>
    );

  return (
    <div className="field">
      <label htmlFor={id} className="question-text">
        {questionLabel(question)}
      </label>
      {help}
      {question.type === 'date' ? (
        <input
          id={id}
          type="date"
          value={typeof answer?.value === 'string' ? answer.value : ''}
          disabled={off}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value || null)}
        />
      ) : (
        <textarea
          id={id}
          rows={3}
          maxLength={MAX_TEXT_ANSWER_CHARS}
          value={typeof answer?.value === 'string' ? answer.value : ''}
          disabled={off}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value === '' ? null : e.target.value)}
        />
      )}
    </div>
  );
}

function NumberInput({
  question,
  answer,
  off,
  describedBy,
  help,
  set,
}: {
  question: PublicQuestion;
  answer: AnswerInput | undefined;
  off: boolean;
  describedBy: string | undefined;
  help: ReactNode;
  set: (value: unknown) => void;
}) {
  // The raw text stays local so "1." or "-" can be typed on the way to a number.
  const [raw, setRaw] = useState(typeof answer?.value === 'number' ? String(answer.value) : '');
  const id = fieldId(question.id);
  return (
    <div className="field">
      <label htmlFor={id} className="question-text">
        {questionLabel(question)}
      </label>
      {help}
      <input
        id={id}
        type="text"
        inputMode={question.numberRange?.integer ? 'numeric' : 'decimal'}
        value={raw}
        disabled={off}
        aria-describedby={describedBy}
        onChange={(e) => {
          setRaw(e.target.value);
          const text = e.target.value.trim();
          set(text === '' ? null : Number(text));
        }}
      />
    </div>
  );
}

function questionLabel(question: PublicQuestion) {
  return (
    <>
      {question.text}
      {question.required && (
        <span className="required">
          {' '}
          <span aria-hidden="true">*</span>
          <span className="visually-hidden">(required)</span>
        </span>
      )}
    </>
  );
}
