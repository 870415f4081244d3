import type { FindingListQuery } from '@sightline/shared/findings/findings-api';
import { allPages } from '../../lib/all-pages';
import { api, unwrap } from '../../lib/api';

/** One page of findings, for the findings page. */
export const fetchFindingsPage = (query: FindingListQuery, cursor: string | undefined) =>
  unwrap(api.api.findings.$get({ query: { ...query, cursor } }));
/** Every finding of one assessment or vendor (a small list, read whole). */
export const fetchFindings = (query: FindingListQuery) =>
  allPages((page) => unwrap(api.api.findings.$get({ query: { ...query, ...page } })));
export const findingsKey = (query: FindingListQuery) => ['findings', query] as const;
/** The findings page's paged list (its own key: a paged query keeps its pages differently). */
export const findingPagesKey = (query: FindingListQuery) => ['findings', 'pages', query] as const;
/** Every findings query, to refresh them all after a change. */
export const allFindingsKey = ['findings'] as const;
