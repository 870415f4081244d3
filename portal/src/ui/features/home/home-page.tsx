import { DiscoveryDashboard } from '../discovery/discovery-dashboard';

/** The landing page: the work queues and the discovery dashboard. */
export function HomePage() {
  return (
    <section>
      <h1>Overview</h1>
      <DiscoveryDashboard />
    </section>
  );
}
