import { PAGE_SIZE_MAX, type Page } from '@sightline/shared/http/paging';

/**
 * Every page of a list whose scope keeps it small (one assessment's findings), read to the end, for
 * a view that needs all of it at once; a long list is paged on screen with <LoadMore> instead.
 */
export async function allPages<Item>(
  fetchPage: (query: { cursor?: string; limit: string }) => Promise<Page<Item>>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ ...(cursor ? { cursor } : {}), limit: String(PAGE_SIZE_MAX) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
