import { inviteColleagueSchema } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useState } from 'react';
import type { z } from 'zod';
import { textLimits } from '../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../lib/zod-form';
import type { VendorApi } from './vendor-api';

const { shape } = inviteColleagueSchema;

/** Gives a colleague their own link by mail, so the respondent's link is never forwarded. */
export function ColleagueForm({ api }: { api: VendorApi }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const form = useZodForm(inviteColleagueSchema, { defaultValues: { name: '', email: '' } });
  const busy = form.formState.isSubmitting;
  const errors = form.formState.errors;

  const invite = async (input: z.output<typeof inviteColleagueSchema>) => {
    setMessage(null);
    try {
      const result = await api.inviteColleague(input);
      setMessage({ error: false, text: `Invitation sent to ${result.invited}.` });
      form.reset();
    } catch (error) {
      setMessage({
        error: true,
        text: toApiClientError(error, 'Could not send the invitation.').message,
      });
    }
  };

  return (
    <section className="colleague" aria-labelledby="colleague-title">
      <h2 id="colleague-title">Invite a colleague</h2>
      <p>Someone else knows some answers? They get their own link and can answer alongside you.</p>
      <form onSubmit={form.handleSubmit(invite)} noValidate>
        <label htmlFor="colleague-name">Name</label>
        <input
          id="colleague-name"
          {...form.register('name')}
          required
          {...textLimits(shape.name)}
          autoComplete="off"
          {...fieldErrorProps('colleague-name-error', errors.name)}
        />
        <FieldError id="colleague-name-error" message={errors.name?.message} />
        <label htmlFor="colleague-email">Email</label>
        <input
          id="colleague-email"
          {...form.register('email')}
          type="email"
          required
          {...textLimits(shape.email)}
          autoComplete="off"
          {...fieldErrorProps('colleague-email-error', errors.email)}
        />
        <FieldError id="colleague-email-error" message={errors.email?.message} />
        <button type="submit" className="secondary" disabled={busy}>
          {busy ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
      <p
        className={message?.error ? 'field-error' : 'status-note'}
        role={message?.error ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
