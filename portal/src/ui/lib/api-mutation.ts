import { type ApiClientError, toApiClientError } from '@sightline/shared/http/api-client-error';
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';

type Options<TData, TVariables> = Omit<
  UseMutationOptions<TData, ApiClientError, TVariables>,
  'mutationFn'
> & {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** What to say when something other than the API failed (a bug, not a refusal). */
  failure: string;
};

/**
 * A mutation whose error is always the shared ApiClientError, so every form shows it the same way
 * (with <ApiErrorAlert>): the server's own message when it refused, "No connection…" when nothing
 * answered, and `failure` for anything else.
 */
export function useApiMutation<TData, TVariables = void>({
  mutationFn,
  failure,
  ...options
}: Options<TData, TVariables>) {
  return useMutation<TData, ApiClientError, TVariables>({
    ...options,
    mutationFn: async (variables) => {
      try {
        return await mutationFn(variables);
      } catch (error) {
        throw toApiClientError(error, failure);
      }
    },
  });
}
