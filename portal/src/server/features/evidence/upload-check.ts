import { createHash } from 'node:crypto';
import {
  MAX_UPLOAD_BYTES,
  uploadTypes,
  uploadTypesSentence,
} from '@sightline/shared/assessments/upload-rules';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors';

export type CheckedUpload = {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
};

const TEXT_TYPE = 'text/plain';

/**
 * Decides what an upload is from its bytes: file-type's signature detection (DOCX and XLSX by their
 * zip contents), else plain text when the bytes are valid UTF-8 without NULs. The name only has to
 * agree: a PDF called "x.exe", or HTML called "x.pdf", is refused as a disguised type.
 */
export async function checkUpload(content: Uint8Array, rawName: string): Promise<CheckedUpload> {
  if (content.byteLength === 0) throw new AppError('bad_request', 'The file is empty');
  if (content.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const mediaType = await sniff(content);
  const type = uploadTypes.find((t) => t.mediaType === mediaType);
  if (!type) {
    throw new AppError(
      'unsupported_media_type',
      `This kind of file is not accepted${mediaType ? ` (${mediaType})` : ''}. Accepted: ${uploadTypesSentence}`,
    );
  }
  const baseName = cleanFileName(rawName);
  const extension = extensionOf(baseName);
  if (extension && !type.extensions.includes(extension)) {
    throw new AppError(
      'unsupported_media_type',
      `The file is named ".${extension}" but its content is ${type.label}; rename it or upload the right file`,
    );
  }
  return {
    // A name without an extension gets the one its content has (within the same 200 characters).
    fileName: extension ? baseName : `${baseName.slice(0, 195)}.${type.extensions[0]}`,
    mediaType: type.mediaType,
    sizeBytes: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

async function sniff(content: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  return isPlainText(content) ? TEXT_TYPE : undefined;
}

/** Valid UTF-8, no NUL bytes, and not markup a browser would render as a page. */
export function isPlainText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  const looksLikeMarkup =
    head.startsWith('<!doctype') ||
    head.startsWith('<html') ||
    head.startsWith('<?xml') ||
    head.startsWith('<svg') ||
    /<(script|iframe|body|head)\b/.test(head);
  return !looksLikeMarkup;
}

/**
 * A name that is safe wherever the file goes next (a Content-Disposition header, a Windows or Unix
 * download folder, a reader's screen): the last path segment only; no control characters, quotes or
 * direction marks (U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"); no trailing dots
 * or spaces (Windows drops them); a Windows device name (CON, NUL, COM1, LPT1, …) prefixed with "_";
 * at most 200 characters, cut from the front so the extension stays. Files themselves are stored in the
 * database, never on disk, so no name ever becomes a path.
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f"]/g, '')
    .replace(DIRECTION_MARKS, '')
    .trim()
    .replace(/[. ]+$/, '');
  const safe = cleaned.length > 0 && cleaned !== '.' && cleaned !== '..' ? cleaned : 'upload';
  const short = safe.length > 200 ? safe.slice(safe.length - 200) : safe;
  return WINDOWS_DEVICE_NAME.test(short) ? `_${short}`.slice(0, 200) : short;
}

/** Bidirectional controls: marks, embeddings, overrides and isolates. */
const DIRECTION_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Names Windows reserves for devices, with or without an extension ("nul.pdf" is the device too). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return name.slice(dot + 1).toLowerCase();
}
