import type { AppDeps } from '../../context';

/** What the assessment services need: no auth, no Hono context. */
export type AssessmentDeps = Pick<AppDeps, 'db' | 'env' | 'mailer' | 'now'>;
