import type { DbOrTx } from '@sightline/db/client';
import { storedFile } from '@sightline/db/schema/files';
import { uploadTypes } from '@sightline/shared/assessments/upload-rules';
import { eq } from 'drizzle-orm';
import { attachmentDisposition } from '../../content-disposition';
import { AppError } from '../../errors';
import { file } from '../../openapi-responses';
import type { CheckedUpload } from './upload-check';

export async function storeFile(tx: DbOrTx, upload: CheckedUpload): Promise<string> {
  const [row] = await tx
    .insert(storedFile)
    .values({
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      content: upload.content,
    })
    .returning({ id: storedFile.id });
  return row!.id;
}

export async function loadFile(db: DbOrTx, fileId: string) {
  const [file] = await db.select().from(storedFile).where(eq(storedFile.id, fileId));
  if (!file) throw new AppError('not_found', 'No such file');
  return file;
}

/** A stored file's answer: any type an upload may have (checked on its bytes when it came in). */
export const storedFileResponse = file(
  uploadTypes.map((t) => t.mediaType),
  'The file as uploaded, always as an attachment',
);

/**
 * Always a download, never rendered in the portal's origin: the sniffed type, `attachment`, and
 * `nosniff` so a browser cannot reinterpret the bytes as a page.
 */
export function attachmentResponse(file: {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
}): Response {
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.sizeBytes),
      'content-disposition': attachmentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'x-file-sha256': file.sha256,
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
