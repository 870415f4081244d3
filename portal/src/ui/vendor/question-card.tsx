import type { AnswerConflict, PublicEvidence } from '@sightline/shared/assessments/vendor-page-api';
import { type AnswerInput, MAX_COMMENT_CHARS } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';
import type { CarriedAnswerState } from '@sightline/shared/reviews/review-enums';
import { AnswerControl, fieldId } from './answer-input';
import { CarriedAnswerBar } from './carried-answer-bar';
import { ConflictNotice } from './conflict-notice';
import { EvidenceField } from './evidence-field';
import type { VendorApi } from './vendor-api';

type Props = {
  question: PublicQuestion;
  answer: AnswerInput | undefined;
  editable: boolean;
  lockedReason: string | null;
  error: string | undefined;
  conflict: AnswerConflict | undefined;
  onResolveConflict: (choice: 'theirs' | 'mine') => void;
  reviewComments: readonly { comment: string; createdAt: string }[];
  evidence: readonly PublicEvidence[];
  api: VendorApi;
  /** Saves waiting answers; called before a file goes up. */
  flush: () => Promise<void>;
  onChange: (next: AnswerInput) => void;
  onEvidenceChange: () => void;
  /** On a reassessment: this answer came from the last assessment, and where it stands now. */
  carried?: { state: CarriedAnswerState; busy: boolean; onConfirm: () => void } | undefined;
};

export function QuestionCard(props: Props) {
  const { question, answer, editable, error } = props;
  const id = fieldId(question.id);
  const helpId = question.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const notApplicable = answer?.notApplicable === true;
  const wantsEvidence = question.type === 'file' || question.evidence?.requested === true;
  return (
    <div
      className={`question${error ? ' has-error' : ''}${props.reviewComments.length ? ' questioned' : ''}${props.carried?.state === 'prefilled' ? ' prefilled' : ''}`}
    >
      {props.reviewComments.map((c) => (
        <div key={c.createdAt + c.comment} className="review-comment" role="note">
          <strong>Reviewer’s question:</strong> {c.comment}
        </div>
      ))}
      {props.conflict && (
        <ConflictNotice question={question} conflict={props.conflict} onResolve={props.onResolveConflict} />
      )}
      <AnswerControl
        question={question}
        answer={answer}
        disabled={!editable}
        describedBy={describedBy}
        help={
          question.help && (
            <p id={helpId} className="help">
              {question.help}
            </p>
          )
        }
        onChange={props.onChange}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {question.allowNotApplicable && question.type !== 'file' && (
        <label className="choice na">
          <input
            type="checkbox"
            checked={notApplicable}
            disabled={!editable}
            onChange={(e) =>
              props.onChange(
                e.target.checked
                  ? { notApplicable: true, comment: answer?.comment ?? null }
                  : { notApplicable: false, comment: answer?.comment ?? null },
              )
            }
          />
          <span>Not applicable to our service</span>
        </label>
      )}
      {question.allowComment && question.type !== 'file' && (
        <details className="comment" open={Boolean(answer?.comment)}>
          <summary>{answer?.comment ? 'Your comment' : 'Add a comment'}</summary>
          <label>
            <span className="visually-hidden">Comment on: </span>Comment
            <textarea
              rows={2}
              maxLength={MAX_COMMENT_CHARS}
              value={answer?.comment ?? ''}
              disabled={!editable}
              onChange={(e) =>
                props.onChange({ ...answer, comment: e.target.value === '' ? null : e.target.value })
              }
            />
          </label>
        </details>
      )}
      {wantsEvidence && (
        <EvidenceField
          question={question}
          files={props.evidence}
          editable={editable}
          api={props.api}
          flush={props.flush}
          onChange={props.onEvidenceChange}
        />
      )}
      {props.carried && (
        <CarriedAnswerBar
          state={props.carried.state}
          editable={editable}
          busy={props.carried.busy}
          hasCarriedFiles={props.evidence.some((e) => e.carriedOver)}
          backedByFiles={question.type !== 'file' && question.evidence?.requested === true}
          onConfirm={props.carried.onConfirm}
        />
      )}
      {props.lockedReason && <p className="locked-note">{props.lockedReason}</p>}
    </div>
  );
}
