import { type SignInInput, signInSchema } from '@sightline/shared/auth/staff-api';
import { useNavigate } from 'react-router';
import { requestJson } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { useRefreshMe } from '../../lib/session';
import { FieldError, useZodForm } from '../../lib/zod-form';

export function SignInPage() {
  const navigate = useNavigate();
  const refreshMe = useRefreshMe();
  const form = useZodForm(signInSchema, { defaultValues: { email: '', password: '' } });
  const signIn = useApiMutation({
    mutationFn: (input: SignInInput) =>
      requestJson('/api/auth/sign-in/email', { method: 'POST', body: JSON.stringify(input) }),
    failure: 'Could not sign in',
    onSuccess: async () => {
      await refreshMe();
      navigate('/');
    },
  });
  const errors = form.formState.errors;

  return (
    <main className="auth-page">
      <form
        className="card auth-card"
        onSubmit={form.handleSubmit((input) => signIn.mutate(input))}
        aria-labelledby="sign-in-title"
        noValidate
      >
        <h1 id="sign-in-title">Sign in to Sightline</h1>
        <label>
          Email
          <input
            {...form.register('email')}
            type="email"
            autoComplete="username"
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby="sign-in-email-error"
          />
        </label>
        <FieldError id="sign-in-email-error" message={errors.email?.message} />
        <label>
          Password
          <input
            {...form.register('password')}
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby="sign-in-password-error"
          />
        </label>
        <FieldError id="sign-in-password-error" message={errors.password?.message} />
        <ApiErrorAlert error={signIn.error} />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
