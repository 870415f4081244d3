import type { ServiceDeps } from '../../context';

/** What the assessment services need: no auth, no Hono context. */
export type AssessmentDeps = Pick<ServiceDeps, 'db' | 'env' | 'mailer' | 'now'>;
