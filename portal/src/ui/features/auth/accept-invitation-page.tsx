import { acceptInvitationSchema } from '@sightline/shared/auth/staff-api';
import { Link } from 'react-router';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { PASSWORD_RULE } from '../account/change-password-form';

/** The contract's password, typed twice. */
const formSchema = acceptInvitationSchema
  .pick({ password: true })
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ', path: ['confirm'] });
const passwordLimits = textLimits(acceptInvitationSchema.shape.password);

/** The invitation token arrives in the URL fragment, which browsers never send to servers or in Referer. */
export function AcceptInvitationPage() {
  const token = window.location.hash.slice(1);
  const form = useZodForm(formSchema, { defaultValues: { password: '', confirm: '' } });
  const accept = useApiMutation({
    mutationFn: (password: string) => unwrap(api.api.invitations.accept.$post({ json: { token, password } })),
    failure: 'Could not accept the invitation',
  });
  const errors = form.formState.errors;

  if (accept.data) {
    return (
      <main className="auth-page">
        <div className="card auth-card">
          <h1>Welcome to Sightline</h1>
          <p>Your account {accept.data.email} is ready.</p>
          <Link to="/sign-in">Sign in</Link>
        </div>
      </main>
    );
  }
  return (
    <main className="auth-page">
      <form
        className="card auth-card"
        onSubmit={form.handleSubmit(({ password }) => accept.mutate(password))}
        aria-labelledby="invite-title"
        noValidate
      >
        <h1 id="invite-title">Choose your password</h1>
        <label>
          Password
          <input
            {...form.register('password')}
            type="password"
            autoComplete="new-password"
            {...passwordLimits}
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby="password-rule password-error"
          />
        </label>
        <p id="password-rule" className="muted">
          {PASSWORD_RULE}
        </p>
        <FieldError id="password-error" message={errors.password?.message} />
        <label>
          Repeat the password
          <input
            {...form.register('confirm')}
            type="password"
            autoComplete="new-password"
            required
            {...fieldErrorProps('confirm-error', errors.confirm)}
          />
        </label>
        <FieldError id="confirm-error" message={errors.confirm?.message} />
        <ApiErrorAlert error={accept.error} />
        <button type="submit" disabled={accept.isPending}>
          Create my account
        </button>
      </form>
    </main>
  );
}
