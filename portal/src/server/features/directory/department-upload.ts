import {
  type DepartmentImportMode,
  departmentImportFieldsSchema,
  MAX_IMPORT_BYTES,
} from '@sightline/shared/directory/department-import';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { maxBody } from '../../middleware/body-size';
import { readMultipartForm } from '../../multipart-form';

/** The file and the form's few fields, with room for the multipart boundaries. */
export const departmentUploadLimit = maxBody(MAX_IMPORT_BYTES + 64 * 1024);

/**
 * The department file from a multipart form (`file`, and `mode`: upsert or replace), as UTF-8 text.
 * Anything else is a 4xx before a row is read.
 */
export async function readDepartmentUpload(
  c: Context<AppEnv>,
): Promise<{ csv: string; mode: DepartmentImportMode }> {
  const { fields, file } = await readMultipartForm(c, departmentImportFieldsSchema, {
    maxBytes: MAX_IMPORT_BYTES,
    what: 'CSV file',
  });
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError(
      'bad_request',
      'The file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"',
    );
  }
  return { csv, mode: fields.mode };
}
