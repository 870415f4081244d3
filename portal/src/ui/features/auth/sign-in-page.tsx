import { type SsoErrorCode, ssoErrorCodes, ssoErrorMessages } from '@sightline/shared/auth/sso-api';
import { type SignInInput, signInSchema } from '@sightline/shared/auth/staff-api';
import { ApiClientError } from '@sightline/shared/http/api-client-error';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { requestJson } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { fetchMe } from '../../lib/session';
import { FieldError, useZodForm } from '../../lib/zod-form';
import { fetchSignInMethod, useSignInMethod } from './use-sign-in-method';

/** The message for `?sso_error=`, only for the codes the portal sends (never text from the address). */
function ssoProblem(code: string | null): string | null {
  return code && (ssoErrorCodes as readonly string[]).includes(code)
    ? ssoErrorMessages[code as SsoErrorCode]
    : null;
}

/**
 * Email first: an address of a domain an identity provider serves signs in there (the page names
 * the provider as soon as the address is typed, and Continue goes to it); any other keeps its
 * password. Where passwords are still allowed for the domain, or for an administrator's break-glass
 * account, "Use a password instead" shows the password field.
 */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [usePassword, setUsePassword] = useState(false);
  const form = useZodForm(signInSchema, { defaultValues: { email: '', password: '' } });
  const method = useSignInMethod(form.watch('email'));
  const sso = method?.method === 'sso' && !usePassword ? method : null;

  const signIn = useApiMutation({
    mutationFn: async (input: SignInInput) => {
      await requestJson('/api/auth/sign-in/email', { method: 'POST', body: JSON.stringify(input) });
      // Confirm the session before leaving this page: navigating with no session would land back
      // here with the fields cleared and nothing said (a browser refusing the cookie, or /api/me
      // failing for a moment).
      const me = await fetchMe();
      if (!me)
        throw new ApiClientError(
          401,
          'unauthenticated',
          'Signed in, but this browser did not keep the session. Allow cookies for this site and try again.',
        );
      return me;
    },
    failure: 'Could not sign in',
    onSuccess: (me) => {
      queryClient.setQueryData(['me'], me);
      navigate('/');
    },
  });
  const startSso = useApiMutation({
    mutationFn: async (email: string) => {
      const { url } = await requestJson<{ url: string }>('/api/auth/sign-in/sso', {
        method: 'POST',
        body: JSON.stringify({ email }),
      });
      window.location.assign(url);
    },
    failure: 'Could not start the sign-in',
  });
  const errors = form.formState.errors;
  const busy = signIn.isPending || startSso.isPending;

  const submit = form.handleSubmit((input) => signIn.mutate(input));
  /** With a provider for the domain, Continue goes there; the lookup is repeated so a fast typist is sent right. */
  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const email = form.getValues('email').trim();
    if (!usePassword && email.includes('@')) {
      const found = await fetchSignInMethod(email).catch(() => null);
      if (found?.method === 'sso') return startSso.mutate(email);
    }
    await submit();
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Sign in to Sightline</h1>
        {ssoProblem(params.get('sso_error')) && (
          <p role="alert" className="error">
            {ssoProblem(params.get('sso_error'))}
          </p>
        )}
        <label>
          Email
          <input
            {...form.register('email')}
            type="email"
            autoComplete="username"
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby="sign-in-email-error sign-in-method"
          />
        </label>
        <FieldError id="sign-in-email-error" message={errors.email?.message} />
        {sso ? (
          <p id="sign-in-method" className="info">
            Your organisation signs you in with {sso.label}.
          </p>
        ) : (
          <>
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
          </>
        )}
        <ApiErrorAlert error={signIn.error ?? startSso.error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : sso ? `Continue with ${sso.label}` : 'Sign in'}
        </button>
        {sso && (
          <button type="button" className="link-button" onClick={() => setUsePassword(true)}>
            {sso.passwordsAllowed ? 'Use a password instead' : 'Administrator? Use your password'}
          </button>
        )}
      </form>
    </main>
  );
}
