import { buildServer } from '../e2e/support/build-server';

/** The integration tests that start portal processes (faults, two instances) run the built server. */
export default function globalSetup(): void {
  buildServer();
}
