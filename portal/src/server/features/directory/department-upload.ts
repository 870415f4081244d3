import {
  type DepartmentImportMode,
  departmentImportFieldsSchema,
  MAX_IMPORT_BYTES,
} from '@sightline/shared/directory/department-import';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { maxBody } from '../../middleware/body-size';
import { refuseNulIn } from '../../middleware/refuse-nul';

/** The file and the form's few fields, with room for the multipart boundaries. */
export const departmentUploadLimit = maxBody(MAX_IMPORT_BYTES + 64 * 1024);

/**
 * The department file from a multipart form (`file`, and `mode`: upsert or replace), as UTF-8 text.
 * Anything else is a 4xx before a row is read.
 */
export async function readDepartmentUpload(
  c: Context<AppEnv>,
): Promise<{ csv: string; mode: DepartmentImportMode }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data'))
    throw new AppError('bad_request', 'Send the CSV as multipart/form-data with a "file" field');
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'The upload could not be read as a form');
  }
  const { file, ...fields } = form;
  if (!(file instanceof File))
    throw new AppError('bad_request', 'Attach exactly one CSV file in the "file" field');
  const text: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') throw new AppError('bad_request', `The field "${key}" must be text`);
    refuseNulIn(key, value);
    if (value !== '') text[key] = value;
  }
  const parsed = departmentImportFieldsSchema.safeParse(text);
  if (!parsed.success)
    throw new AppError(
      'bad_request',
      `Invalid form: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  if (file.size > MAX_IMPORT_BYTES)
    throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError(
      'bad_request',
      'The file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"',
    );
  }
  return { csv, mode: parsed.data.mode };
}
