import { type SignInMethod, signInEmailSchema } from '@sightline/shared/auth/sso-api';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { requestJson } from '../../lib/api';

export function fetchSignInMethod(email: string): Promise<SignInMethod> {
  return requestJson<SignInMethod>('/api/sign-in/method', {
    method: 'POST',
    body: JSON.stringify({ email }),
  });
}

/**
 * How the email being typed signs in, looked up once it is a whole address and the typing has paused
 * (so a domain served by single sign-on shows its provider before the person reaches the password).
 */
export function useSignInMethod(typed: string): SignInMethod | undefined {
  const [email, setEmail] = useState('');
  useEffect(() => {
    const parsed = signInEmailSchema.safeParse({ email: typed });
    const timer = setTimeout(() => setEmail(parsed.success ? parsed.data.email : ''), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const method = useQuery({
    queryKey: ['sign-in-method', email],
    queryFn: () => fetchSignInMethod(email),
    enabled: email !== '',
    staleTime: 60_000,
  });
  return email ? method.data : undefined;
}
