import type { PagedList } from './use-paged-list';

/**
 * Under a paged list: how many rows are shown and a button for the next page, or that all of them
 * are, so a long list never just stops. `noun` names the rows ("vendors").
 */
export function LoadMore({ list, noun }: { list: PagedList; noun: string }) {
  if (!list.loaded || (list.items.length === 0 && !list.hasMore)) return null;
  const count = list.items.length;
  return (
    <div className="load-more">
      {list.hasMore ? (
        <>
          <span>Showing {count} so far.</span>
          <button type="button" className="secondary" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : `Load more ${noun}`}
          </button>
        </>
      ) : (
        <span>All shown ({count}).</span>
      )}
      {list.nextPageFailed && (
        <p role="alert" className="error">
          Could not load more {noun}; try again.
        </p>
      )}
    </div>
  );
}
