/** What a paste or upload amounts to: counts, sizes and types, never the content. */
export type Activity = { kind: 'paste' | 'upload'; count: number; bytes: number; fileTypes: string[] };

function fileType(file: { type: string; name: string }): string {
  if (/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(file.type)) return file.type;
  const ext = /\.([a-z0-9]{1,16})$/i.exec(file.name)?.[1];
  return ext ? `.${ext.toLowerCase()}` : 'unknown';
}

function filesActivity(kind: 'paste' | 'upload', files: ArrayLike<File>): Activity | null {
  if (files.length === 0) return null;
  let bytes = 0;
  const types = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (!f) continue;
    bytes += f.size;
    types.add(fileType(f));
  }
  return { kind, count: files.length, bytes, fileTypes: [...types].slice(0, 20) };
}

/**
 * A paste: files pasted count as an upload; text counts as one paste of its UTF-8 size. The text is
 * measured and let go; it is never stored or sent.
 */
export function pasteActivity(data: DataTransfer | null): Activity | null {
  if (!data) return null;
  const files = filesActivity('upload', data.files);
  if (files) return files;
  const text = data.getData('text/plain');
  if (!text) return null;
  return { kind: 'paste', count: 1, bytes: new TextEncoder().encode(text).length, fileTypes: ['text/plain'] };
}

export function uploadActivity(files: FileList | null | undefined): Activity | null {
  return files ? filesActivity('upload', files) : null;
}

/** Reports pastes, file-input changes and dropped files on the page. */
export function watchActivity(doc: Document, report: (activity: Activity) => void): void {
  doc.addEventListener(
    'paste',
    (e) => {
      const a = pasteActivity((e as ClipboardEvent).clipboardData);
      if (a) report(a);
    },
    true,
  );
  doc.addEventListener(
    'change',
    (e) => {
      const target = e.target as HTMLInputElement | null;
      if (target?.tagName === 'INPUT' && target.type === 'file') {
        const a = uploadActivity(target.files);
        if (a) report(a);
      }
    },
    true,
  );
  doc.addEventListener(
    'drop',
    (e) => {
      const a = uploadActivity((e as DragEvent).dataTransfer?.files);
      if (a) report(a);
    },
    true,
  );
}
