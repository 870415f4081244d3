import { MAX_UPLOAD_BYTES } from '@sightline/shared/assessments/upload-rules';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../context';
import { maxBody } from '../../middleware/body-size';
import { readMultipartForm } from '../../multipart-form';
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
  const { fields, file } = await readMultipartForm(c, schema, { maxBytes: MAX_UPLOAD_BYTES, what: 'file' });
  const upload = await checkUpload(new Uint8Array(await file.arrayBuffer()), file.name);
  return { fields, upload };
}
