import { reviewCommentInputSchema } from '@sightline/shared/assessments/assessment-api';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import { answerText } from '@sightline/shared/questionnaire/answer-text';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import { useContextSchema } from '@sightline/shared/questionnaire/use-context';
import { resolveVisibility } from '@sightline/shared/questionnaire/visibility';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { type AssessmentDetail, assessmentKey } from './assessment-queries';

type Props = { detail: AssessmentDetail; canReview: boolean };

/** Every visible question with the vendor's answer, files, and the reviewers' comments. */
export function AssessmentAnswers({ detail, canReview }: Props) {
  const answers: Record<string, { value?: unknown; notApplicable?: boolean; comment?: string | null }> = {};
  for (const a of detail.answers)
    answers[a.questionId] = { value: a.value ?? undefined, notApplicable: a.notApplicable };
  // The JSON type loses the condition's recursion; the server parsed it with the template schema.
  const template = detail.questions as unknown as Template;
  // The organisation's use context shows or hides questions too, as it did for the vendor and scoring.
  const context = useContextSchema.safeParse(detail.assessment.useContext ?? {});
  const visibility = resolveVisibility(
    template,
    answers as Answers,
    context.success ? context.data : undefined,
  );
  const visible = new Set(visibility.questions.map((v) => v.question.id));
  const byQuestion = new Map(detail.answers.map((a) => [a.questionId, a]));
  const commentable = canReview && ['submitted', 'under_review'].includes(detail.assessment.state);
  if (detail.assessment.state === 'draft') {
    return <p className="info">Not sent yet: the vendor's answers will appear here.</p>;
  }
  return (
    <div className="answers">
      <h2>Answers</h2>
      {template.sections
        .filter((s) => visibility.sections.get(s.id))
        .map((section) => (
          <table key={section.id} className="answer-table">
            <caption>{section.title}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {section.questions
                .filter((q) => visible.has(q.id))
                .map((q) => {
                  const a = byQuestion.get(q.id);
                  const files = detail.evidence.filter((e) => e.questionId === q.id);
                  const comments = detail.comments.filter((c) => c.questionId === q.id);
                  return (
                    <tr key={q.id} id={`answer-${q.id}`}>
                      <th scope="row" className="question-cell">
                        {q.text}
                        {q.required && <span className="error"> *</span>}
                        <div className="details">
                          {q.id} · weight {q.weight}
                        </div>
                      </th>
                      <td>
                        {a?.notApplicable ? (
                          <em>Not applicable</em>
                        ) : a?.value !== null && a?.value !== undefined ? (
                          <span className="answer-value">{answerText(q, a.value)}</span>
                        ) : q.type === 'file' ? null : (
                          <span className="info">No answer</span>
                        )}
                        {a?.comment && <p className="vendor-comment">Vendor’s comment: {a.comment}</p>}
                        {a?.savedBy && (
                          <div className="details">
                            Answered by {a.savedBy}, {new Date(a.updatedAt).toLocaleString()}
                          </div>
                        )}
                        {files.length > 0 && (
                          <ul className="files">
                            {files.map((f) => (
                              <li key={f.id}>
                                <a
                                  href={`/api/assessments/${detail.assessment.id}/evidence/${f.id}/file`}
                                  download
                                >
                                  {f.fileName}
                                </a>{' '}
                                <span className="details">
                                  {f.mediaType}, {Math.ceil(f.sizeBytes / 1024)} KB
                                  {f.expiresOn ? `, expires ${f.expiresOn}` : ''}, sha256{' '}
                                  {f.sha256.slice(0, 12)}…
                                </span>{' '}
                                {f.verifiedAt && <span className="badge approved">verified</span>}
                                {commentable && (
                                  <VerifyButton
                                    assessmentId={detail.assessment.id}
                                    evidenceId={f.id}
                                    verified={f.verifiedAt !== null}
                                    fileName={f.fileName}
                                  />
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                        {comments.map((c) => (
                          <p key={c.id} className={`review-note${c.resolvedAt ? ' resolved' : ''}`}>
                            {c.authorName ?? 'Reviewer'}: {c.comment}{' '}
                            {c.resolvedAt ? '(answered by the vendor)' : '(open)'}
                            {commentable && !c.resolvedAt && (
                              <RemoveCommentButton assessmentId={detail.assessment.id} commentId={c.id} />
                            )}
                          </p>
                        ))}
                        {commentable && <CommentForm assessmentId={detail.assessment.id} questionId={q.id} />}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        ))}
    </div>
  );
}

const commentSchema = reviewCommentInputSchema.pick({ comment: true });

function CommentForm({ assessmentId, questionId }: { assessmentId: string; questionId: string }) {
  const client = useQueryClient();
  const form = useZodForm(commentSchema, { defaultValues: { comment: '' } });
  const add = useApiMutation({
    mutationFn: (comment: string) =>
      unwrap(
        api.api.assessments[':id'].comments.$post({
          param: { id: assessmentId },
          json: { questionId, comment },
        }),
      ),
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: assessmentKey(assessmentId) });
    },
    failure: 'Could not add the comment',
  });
  const error = form.formState.errors.comment;
  const errorId = `comment-error-${questionId}`;
  return (
    <details className="comment-form">
      <summary>Question this answer</summary>
      <form onSubmit={form.handleSubmit(({ comment }) => add.mutate(comment))} noValidate>
        <label>
          Comment for the vendor
          <textarea
            {...form.register('comment')}
            rows={2}
            required
            {...textLimits(commentSchema.shape.comment)}
            {...fieldErrorProps(errorId, error)}
          />
        </label>
        <FieldError id={errorId} message={error?.message} />
        <button type="submit" className="secondary" disabled={add.isPending}>
          Add comment
        </button>
        <ApiErrorAlert error={add.error} />
      </form>
    </details>
  );
}

function VerifyButton(props: {
  assessmentId: string;
  evidenceId: string;
  verified: boolean;
  fileName: string;
}) {
  const client = useQueryClient();
  const verify = useApiMutation({
    failure: 'Could not change the verification',
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].evidence[':evidenceId'].verify.$post({
          param: { id: props.assessmentId, evidenceId: props.evidenceId },
          json: { verified: !props.verified },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKey(props.assessmentId) }),
  });
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {props.verified ? 'Withdraw verification' : 'Mark verified'}
        <span className="visually-hidden"> ({props.fileName})</span>
      </button>
      <ApiErrorAlert error={verify.error} />
    </>
  );
}

/** Open comments not yet sent to the vendor can be taken back. */
function RemoveCommentButton({ assessmentId, commentId }: { assessmentId: string; commentId: string }) {
  const client = useQueryClient();
  const remove = useApiMutation({
    failure: 'Could not remove the comment',
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].comments[':commentId'].$delete({ param: { id: assessmentId, commentId } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKey(assessmentId) }),
  });
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        Remove<span className="visually-hidden"> this comment</span>
      </button>
      <ApiErrorAlert error={remove.error} />
    </>
  );
}
