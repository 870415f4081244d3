import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './context';
import { servedOverHttps } from './env';
import { handleError, handleNotFound } from './errors';
import { assessmentRoutes } from './features/assessments/routes';
import { auditRoutes } from './features/audit/routes';
import { authRoutes } from './features/auth/routes';
import { candidateRoutes } from './features/candidates/routes';
import { customCatalogRoutes } from './features/catalog/custom-entries-routes';
import { catalogRoutes } from './features/catalog/routes';
import { decisionRoutes } from './features/decisions/routes';
import { deviceRoutes } from './features/devices/routes';
import { directoryRoutes } from './features/directory/routes';
import { discoveryRoutes } from './features/discovery/routes';
import { mountApiDocs } from './features/docs/routes';
import { exportRoutes } from './features/exports/routes';
import { extensionApiRoutes } from './features/extension-api/routes';
import { findingRoutes } from './features/findings/routes';
import { healthRoutes } from './features/health/routes';
import { inventoryRoutes } from './features/inventory/routes';
import { outboxRoutes } from './features/outbox/routes';
import { overviewRoutes } from './features/overview/routes';
import { policyRoutes } from './features/policy/routes';
import { reportRoutes } from './features/reports/routes';
import { requestRoutes } from './features/requests/routes';
import { reviewRoutes } from './features/reviews/routes';
import { settingsRoutes } from './features/settings/routes';
import { ssoRoutes } from './features/sso/routes';
import { templateRoutes } from './features/templates/routes';
import { userRoutes } from './features/users/routes';
import { vendorPageRoutes } from './features/vendor-page/routes';
import { vendorRoutes } from './features/vendors/routes';
import { authorize } from './middleware/access';
import { defaultBodyLimit } from './middleware/body-size';
import { requireSameOrigin } from './middleware/origin-check';
import { refuseNulCharacters } from './middleware/refuse-nul';
import { securityHeaders } from './middleware/security-headers';
import { resolveSession } from './middleware/session';
import { mountStaticUi } from './static-ui';

/** Routes that take bodies over the default 1 MB cap set their own limit. */
const LARGE_BODY_ROUTES = [
  /^\/api\/vendor\/evidence/,
  /^\/api\/vendors\/[^/]+\/documents$/,
  /^\/api\/directory\/departments\/import$/,
];

/** Every API route, chained so the app's type carries them all for the typed clients. */
function apiRoutes() {
  return (
    new Hono<AppEnv>()
      .route('/', healthRoutes)
      // Before the auth routes: their /api/auth/* catch-all would take the SSO paths.
      .route('/', ssoRoutes)
      .route('/', authRoutes)
      .route('/', userRoutes)
      // Before the features' own routes: `/api/vendors/export.csv` must not reach `/api/vendors/:id`.
      .route('/', exportRoutes)
      .route('/', auditRoutes)
      .route('/', outboxRoutes)
      .route('/', templateRoutes)
      .route('/', vendorRoutes)
      .route('/', assessmentRoutes)
      .route('/', decisionRoutes)
      .route('/', reviewRoutes)
      .route('/', findingRoutes)
      .route('/', vendorPageRoutes)
      .route('/', extensionApiRoutes)
      .route('/', deviceRoutes)
      .route('/', policyRoutes)
      .route('/', settingsRoutes)
      .route('/', directoryRoutes)
      .route('/', requestRoutes)
      .route('/', candidateRoutes)
      .route('/', catalogRoutes)
      .route('/', customCatalogRoutes)
      .route('/', overviewRoutes)
      .route('/', discoveryRoutes)
      // Before the inventory's /:id, which would take "register.pdf" for an id.
      .route('/', reportRoutes)
      .route('/', inventoryRoutes)
  );
}

export type ApiRoutes = ReturnType<typeof apiRoutes>;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use('*', requestId(), securityHeaders({ https: servedOverHttps(deps.env) }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/api/*',
    defaultBodyLimit(LARGE_BODY_ROUTES),
    requireSameOrigin(new URL(deps.env.PUBLIC_URL).origin),
    resolveSession,
    refuseNulCharacters,
    authorize,
  );
  app.route('/', apiRoutes());
  mountApiDocs(app);
  app.all('/api/*', handleNotFound);
  mountStaticUi(app);
  return app;
}
