import type { FindingListQuery } from '@sightline/shared/findings/findings-api';
import { api, unwrap } from '../../lib/api';

export const fetchFindings = (query: FindingListQuery) => unwrap(api.api.findings.$get({ query }));
export type FindingList = Awaited<ReturnType<typeof fetchFindings>>;
export const findingsKey = (query: FindingListQuery) => ['findings', query] as const;
/** Every findings query, to refresh them all after a change. */
export const allFindingsKey = ['findings'] as const;
