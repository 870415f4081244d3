/** Evidence and vendor documents: what may be uploaded, checked on the bytes (never the name). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export type UploadType = { mediaType: string; label: string; extensions: readonly string[] };

export const uploadTypes: readonly UploadType[] = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
  { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
    extensions: ['docx'],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (XLSX)',
    extensions: ['xlsx'],
  },
  { mediaType: 'text/plain', label: 'plain text', extensions: ['txt', 'text', 'md', 'csv', 'log'] },
];

/** For the file picker's `accept` attribute; the server still decides from the bytes. */
export const uploadAccept = uploadTypes.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

export const uploadTypesSentence = `${uploadTypes.map((t) => t.label).join(', ')}; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
