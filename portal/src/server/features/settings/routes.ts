import { updateOrgSettingsSchema } from '@sightline/shared/extension-api/staff-admin';
import { orgSettingsSchema } from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { getOrgSettings, updateOrgSettings } from './settings-service';

const tags = ['Settings'];

export const settingsRoutes = new Hono<AppEnv>()
  .get(
    '/api/settings',
    describeRoute({
      tags,
      summary: 'Rollout mode, fail mode, email domains, privacy and retention',
      responses: { 200: json(orgSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await getOrgSettings(c.get('deps').db), 200),
  )
  .patch(
    '/api/settings',
    describeRoute({
      tags,
      summary: 'Change org settings (audit-logged)',
      responses: { 200: json(orgSettingsSchema, 'The settings after the change') },
    }),
    validate('json', updateOrgSettingsSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      return c.json(await updateOrgSettings({ db, now }, actor, c.req.valid('json')), 200);
    },
  );
