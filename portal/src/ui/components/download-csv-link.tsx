type QueryValue = string | number | undefined | null;

/** The export URL for a list: its path with the filters that are set, empty ones left out. */
export function csvExportHref(path: string, filters: Record<string, QueryValue> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * A plain download link for a table's CSV export, carrying the filters the page shows, so the file
 * holds what is on screen. A link rather than a fetch: the browser streams the file to disk itself.
 */
export function DownloadCsvLink(props: {
  path: string;
  filters?: Record<string, QueryValue>;
  label?: string;
}) {
  return (
    <a className="button-link secondary" href={csvExportHref(props.path, props.filters)} download>
      {props.label ?? 'Download CSV'}
    </a>
  );
}
