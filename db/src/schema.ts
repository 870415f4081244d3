// The full drizzle schema, handed to drizzle() and to better-auth's adapter (both need every table).
import * as assessments from './schema/assessments';
import * as audit from './schema/audit';
import * as auth from './schema/auth';
import * as catalog from './schema/catalog';
import * as devices from './schema/devices';
import * as directory from './schema/directory';
import * as files from './schema/files';
import * as findings from './schema/findings';
import * as inventory from './schema/inventory';
import * as mail from './schema/mail';
import * as org from './schema/org';
import * as policy from './schema/policy';
import * as reviews from './schema/reviews';
import * as sso from './schema/sso';
import * as throttle from './schema/throttle';
import * as usage from './schema/usage';
import * as vendors from './schema/vendors';

export const schema = {
  ...auth,
  ...org,
  ...devices,
  ...directory,
  ...catalog,
  ...policy,
  ...usage,
  ...vendors,
  ...files,
  ...assessments,
  ...inventory,
  ...findings,
  ...reviews,
  ...audit,
  ...mail,
  ...throttle,
  ...sso,
};
