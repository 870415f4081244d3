import type { AppDeps, ServiceDeps } from './context';

/** The app's dependencies for one operation, with the clock read once. */
export function depsAt(app: AppDeps): ServiceDeps {
  const { db, env, auth, mailer, clock } = app;
  return { db, env, auth, mailer, clock, now: clock() };
}

/** What a route hands its service: the app's dependencies as of this request. */
export function serviceDeps(c: { get: (key: 'deps') => AppDeps }): ServiceDeps {
  return depsAt(c.get('deps'));
}
