import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context';
import { AppError } from './errors';
import { refuseNulIn } from './middleware/refuse-nul';

/**
 * Reads a multipart form with exactly one `file` (at most `maxBytes`) and text fields checked by
 * `schema` (empty fields count as absent). Anything else is a 4xx before a byte of the file is used.
 * `what` names the file in messages ("file", "CSV file").
 */
export async function readMultipartForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  limits: { maxBytes: number; what: string },
): Promise<{ fields: z.infer<S>; file: File }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('bad_request', `Send the ${limits.what} as multipart/form-data with a "file" field`);
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'The upload could not be read as a form');
  }
  const { file, ...rest } = form;
  if (!(file instanceof File))
    throw new AppError('bad_request', `Attach exactly one ${limits.what} in the "file" field`);
  const textFields: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value !== 'string') throw new AppError('bad_request', `The field "${key}" must be text`);
    refuseNulIn(key, value);
    if (value !== '') textFields[key] = value;
  }
  const parsed = schema.safeParse(textFields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'bad_request',
      `Invalid form: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  if (file.size > limits.maxBytes) {
    throw new AppError('payload_too_large', `The file is larger than ${limits.maxBytes / 1024 / 1024} MB`);
  }
  return { fields: parsed.data, file };
}
