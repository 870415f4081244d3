import { classifyQuerySchema } from '@sightline/shared/catalog/classify-query';
import type { classificationSchema } from '@sightline/shared/extension-api/staff-admin-views';
import type { z } from 'zod';
import { requestJson } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type Result = z.infer<typeof classificationSchema>['result'];

/** Lets an admin check how the extension will read a URL before and after a catalog change. */
export function UrlTester() {
  const form = useZodForm(classifyQuerySchema, { defaultValues: { url: '' } });
  const classify = useApiMutation({
    mutationFn: async (url: string) =>
      (await requestJson<{ result: Result }>(`/api/catalog/classify?url=${encodeURIComponent(url)}`)).result,
    failure: 'Could not classify',
  });
  const result = classify.data;
  const urlError = form.formState.errors.url;
  return (
    <form
      className="card inline-form"
      onSubmit={form.handleSubmit(({ url }) => classify.mutate(url))}
      aria-label="Test a URL"
      noValidate
    >
      <div className="field grow">
        <label>
          Test a URL
          <input
            {...form.register('url')}
            required
            {...textLimits(classifyQuerySchema.shape.url)}
            placeholder="https://chatgpt.com/c/123"
            {...fieldErrorProps('test-url-error', urlError)}
          />
        </label>
        <FieldError id="test-url-error" message={urlError?.message} />
      </div>
      <button type="submit">Classify</button>
      <output aria-live="polite" className="grow">
        {classify.error && <span className="error">{classify.error.message}</span>}
        {result &&
          (result.serviceId !== null ? (
            <span>
              <strong>{result.serviceName}</strong> by {result.vendor}: matched{' '}
              <code>{result.matchedRule}</code> as {result.matchKind}
            </span>
          ) : (
            <span>Not an AI service in the catalog ({result.reason}).</span>
          ))}
      </output>
    </form>
  );
}
