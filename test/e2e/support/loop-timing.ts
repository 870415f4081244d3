import { expect as baseExpect } from '@playwright/test';

// Two shared cores and several engineers: generous, but every wait is bounded.
export const expect = baseExpect.configure({ timeout: 30_000 });
/** The outbox worker sends every 5 s; a loaded machine stretches that. */
export const MAIL_WAIT = 60_000;
