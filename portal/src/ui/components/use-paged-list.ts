import type { Page } from '@sightline/shared/http/paging';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

type Options<P extends Page<unknown>> = {
  queryKey: QueryKey;
  /** One page of the list: the first without a cursor, the next with the cursor the last one gave. */
  fetchPage: (cursor: string | undefined) => Promise<P>;
  /** How an item is told apart (by default its `id`), so a row that moved between pages is not shown twice. */
  idOf?: (item: P['items'][number]) => string | undefined;
  refetchInterval?: number;
  enabled?: boolean;
};

const byId = (item: unknown) => {
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * A list read page by page from a cursor-paged endpoint, for <LoadMore>: the rows loaded so far, the
 * first page (for what an endpoint sends beside its rows), and whether there is more. Invalidating the
 * query key refetches every loaded page, so a change does not cut the list back to its first page.
 */
export function usePagedList<P extends Page<unknown>>({
  queryKey,
  fetchPage,
  idOf = byId,
  ...rest
}: Options<P>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...rest,
  });
  const pages = query.data?.pages ?? [];
  const seen = new Set<string>();
  const items: P['items'][number][] = [];
  for (const item of pages.flatMap((p) => p.items)) {
    const id = idOf(item);
    if (id !== undefined && seen.has(id)) continue;
    if (id !== undefined) seen.add(id);
    items.push(item);
  }
  return {
    items,
    firstPage: pages[0],
    loaded: query.data !== undefined,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    nextPageFailed: query.isFetchNextPageError,
    loadMore: () => void query.fetchNextPage(),
  };
}

export type PagedList = Pick<
  ReturnType<typeof usePagedList>,
  'items' | 'loaded' | 'hasMore' | 'loadingMore' | 'nextPageFailed' | 'loadMore'
>;
