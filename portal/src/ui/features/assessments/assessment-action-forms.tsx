import {
  requestChangesSchema,
  resendAssessmentSchema,
  revokeAssessmentSchema,
} from '@sightline/shared/assessments/assessment-api';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type FormProps = {
  assessmentId: string;
  /** Says what happened, with the server's answer (which may hold a link to hand over). */
  onDone: (text: string, result: object) => void;
};

const resendFormSchema = intoContract(
  z.object({ dueOn: textOrUndefined, respondentName: textOrUndefined, respondentEmail: textOrUndefined }),
  resendAssessmentSchema,
);

/** A new link (the old one stops working), by a new date or to someone else; expired ones need a date. */
export function ResendForm({ assessmentId, onDone, expired }: FormProps & { expired: boolean }) {
  const form = useZodForm(resendFormSchema, {
    defaultValues: { dueOn: '', respondentName: '', respondentEmail: '' },
  });
  const resend = useApiMutation({
    mutationFn: (json: z.output<typeof resendFormSchema>) =>
      unwrap(api.api.assessments[':id'].resend.$post({ param: { id: assessmentId }, json })),
    onSuccess: (result) => onDone('A new link was sent; the previous one no longer works.', result),
    failure: 'That did not work',
  });
  const errors = form.formState.errors;
  const { shape } = resendAssessmentSchema;
  const submit = form.handleSubmit((json) => {
    // The server refuses a reopened assessment without a date; say so at the field first.
    if (expired && !json.dueOn) form.setError('dueOn', { message: 'Give the new due date' });
    else resend.mutate(json);
  });
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Resend the link" noValidate>
      <div className="field">
        <label>
          {expired ? 'New due date (required)' : 'New due date (optional)'}
          <input
            {...form.register('dueOn')}
            type="date"
            required={expired}
            {...fieldErrorProps('resend-due-error', errors.dueOn)}
          />
        </label>
        <FieldError id="resend-due-error" message={errors.dueOn?.message} />
      </div>
      <details open={errors.respondentName || errors.respondentEmail ? true : undefined}>
        <summary>Send to someone else</summary>
        <label>
          New respondent name
          <input
            {...form.register('respondentName')}
            {...textLimits(shape.respondentName)}
            {...fieldErrorProps('resend-name-error', errors.respondentName)}
          />
        </label>
        <FieldError id="resend-name-error" message={errors.respondentName?.message} />
        <label>
          New respondent email
          <input
            {...form.register('respondentEmail')}
            type="email"
            {...textLimits(shape.respondentEmail)}
            {...fieldErrorProps('resend-email-error', errors.respondentEmail)}
          />
        </label>
        <FieldError id="resend-email-error" message={errors.respondentEmail?.message} />
      </details>
      <button type="submit" className="secondary" disabled={resend.isPending}>
        {expired ? 'Reopen and send a new link' : 'Resend a new link'}
      </button>
      <ApiErrorAlert error={resend.error} />
    </form>
  );
}

const changesFormSchema = intoContract(
  z.object({ message: textOrUndefined, dueOn: textOrUndefined }),
  requestChangesSchema,
);

/** Sends the questionnaire back with the open comments; the button counts them. */
export function RequestChangesForm({
  assessmentId,
  onDone,
  openComments,
}: FormProps & { openComments: number }) {
  const form = useZodForm(changesFormSchema, { defaultValues: { message: '', dueOn: '' } });
  const requestChanges = useApiMutation({
    mutationFn: (json: z.output<typeof changesFormSchema>) =>
      unwrap(api.api.assessments[':id']['request-changes'].$post({ param: { id: assessmentId }, json })),
    onSuccess: (result) => onDone('Sent back to the vendor with your comments.', result),
    failure: 'That did not work',
  });
  const errors = form.formState.errors;
  return (
    <form
      className="inline-form"
      onSubmit={form.handleSubmit((json) => requestChanges.mutate(json))}
      aria-label="Request changes"
      noValidate
    >
      <div className="field">
        <label>
          Message to the vendor (optional)
          <input
            {...form.register('message')}
            {...textLimits(requestChangesSchema.shape.message)}
            {...fieldErrorProps('changes-message-error', errors.message)}
          />
        </label>
        <FieldError id="changes-message-error" message={errors.message?.message} />
      </div>
      <div className="field">
        <label>
          New due date (optional)
          <input
            {...form.register('dueOn')}
            type="date"
            {...fieldErrorProps('changes-due-error', errors.dueOn)}
          />
        </label>
        <FieldError id="changes-due-error" message={errors.dueOn?.message} />
      </div>
      <button type="submit" className="secondary" disabled={requestChanges.isPending || openComments === 0}>
        Request changes ({openComments} comment{openComments === 1 ? '' : 's'})
      </button>
      <ApiErrorAlert error={requestChanges.error} />
    </form>
  );
}

const revokeFormSchema = intoContract(z.object({ reason: textOrUndefined }), revokeAssessmentSchema);

/** Withdraws the questionnaire after asking; every link then says it was withdrawn. */
export function RevokeForm({ assessmentId, onDone }: FormProps) {
  const form = useZodForm(revokeFormSchema, { defaultValues: { reason: '' } });
  const revoke = useApiMutation({
    mutationFn: (json: z.output<typeof revokeFormSchema>) =>
      unwrap(api.api.assessments[':id'].revoke.$post({ param: { id: assessmentId }, json })),
    onSuccess: (result) =>
      onDone('Revoked. Every link to this questionnaire now answers that it was withdrawn.', result),
    failure: 'That did not work',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((json) => {
    if (window.confirm('Revoke this questionnaire? The vendor can no longer open it.')) revoke.mutate(json);
  });
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Revoke" noValidate>
      <div className="field">
        <label>
          Reason (optional)
          <input
            {...form.register('reason')}
            {...textLimits(revokeAssessmentSchema.shape.reason)}
            {...fieldErrorProps('revoke-reason-error', errors.reason)}
          />
        </label>
        <FieldError id="revoke-reason-error" message={errors.reason?.message} />
      </div>
      <button type="submit" className="danger" disabled={revoke.isPending}>
        Revoke
      </button>
      <ApiErrorAlert error={revoke.error} />
    </form>
  );
}
