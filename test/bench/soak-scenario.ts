/** The soak's mixed load in numbers, and the one-line description of it that its reports print. */
export const DEVICES = 500;
/** Each browser sends a batch about this often (the extension's own flush alarm is every 30 s). */
export const DEVICE_TICK_MS = 10_000;
/** Every sixth tick is a policy sync instead (about once a minute; the extension syncs less often). */
export const POLICY_EVERY = 6;
export const MAX_BATCH = 40;
export const STAFF = 4;
export const STAFF_THINK_MS = 1_000;
export const VENDORS = 3;
export const VENDOR_SAVE_MS = 2_000;
/** Every tenth vendor call reloads the questionnaire, as opening the page again would. */
export const VENDOR_VIEW_EVERY = 10;
/** The portal's default DEVICE_REQUESTS_PER_MINUTE; the fleet is paced to stay far below it. */
export const DEVICE_BUDGET = 120;
/** A request without an answer after this long counts as an error. */
export const REQUEST_TIMEOUT_MS = 30_000;

export const SOAK_SCENARIO =
  `${DEVICES} browsers each sending a batch of 1-${MAX_BATCH} events every ~${DEVICE_TICK_MS / 1000} s ` +
  `(a policy sync every ${POLICY_EVERY}th time); ${STAFF} staff loading the overview and discovery ` +
  `routes (${STAFF_THINK_MS / 1000} s between calls); ${VENDORS} vendors saving an answer every ` +
  `~${VENDOR_SAVE_MS / 1000} s`;
