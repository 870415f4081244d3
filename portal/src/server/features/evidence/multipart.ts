import { MAX_UPLOAD_BYTES } from '@sightline/shared/assessments/upload-rules';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { maxBody } from '../../middleware/body-size';
import { refuseNulIn } from '../../middleware/refuse-nul';
import { type CheckedUpload, checkUpload } from './upload-check';

/** The file itself plus room for the form's other fields and multipart boundaries. */
export const uploadBodyLimit = maxBody(MAX_UPLOAD_BYTES + 256 * 1024);

/**
 * Reads a multipart form with one `file` and some text fields: fields are checked by `schema`, the
 * file by its bytes. Anything wrong is a 4xx before a byte is stored.
 */
export async function readUpload<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<{ fields: z.infer<S>; upload: CheckedUpload }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'Send the file as multipart/form-data with a "file" field');
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
    throw new AppError('bad_request', 'Attach exactly one file in the "file" field');
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
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const upload = await checkUpload(new Uint8Array(await file.arrayBuffer()), file.name);
  return { fields: parsed.data, upload };
}
