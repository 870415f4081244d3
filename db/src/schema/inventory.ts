import { aiActRoles, euAiActClasses, lifecycleStages } from '@sightline/shared/inventory/inventory-enums';
import { date, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessment } from './assessments';
import { user } from './auth';
import { riskTier, vendor } from './vendors';

export const lifecycleStage = pgEnum('lifecycle_stage', lifecycleStages);
export const euAiActClass = pgEnum('eu_ai_act_class', euAiActClasses);
export const aiActRole = pgEnum('ai_act_role', aiActRoles);

/** The organisation's AI system inventory (ISO/IEC 42001 clause 4 scope, A.4, A.6). */
export const aiSystem = pgTable('ai_system', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  owner: text('owner').notNull(),
  lifecycleStage: lifecycleStage('lifecycle_stage').notNull().default('production'),
  euAiActClass: euAiActClass('eu_ai_act_class').notNull().default('unknown'),
  orgRole: aiActRole('org_role').notNull().default('deployer'),
  dataCategories: text('data_categories').array().notNull().default([]),
  humanOversight: text('human_oversight'),
  nextReviewOn: date('next_review_on', { mode: 'string' }),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});

/** Who is responsible for what, per life-cycle activity (A.10.2). */
export type ResponsibilityMatrix = Record<string, 'organisation' | 'supplier' | 'shared' | 'n/a'>;

/** A supplier in an AI system, with its current risk and the split of responsibilities. */
export const aiSystemSupplier = pgTable('ai_system_supplier', {
  id: uuid('id').primaryKey().defaultRandom(),
  aiSystemId: uuid('ai_system_id')
    .notNull()
    .references(() => aiSystem.id, { onDelete: 'cascade' }),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendor.id, { onDelete: 'restrict' }),
  serviceId: text('service_id'),
  riskTier: riskTier('risk_tier'),
  assessmentId: uuid('assessment_id').references(() => assessment.id, { onDelete: 'set null' }),
  responsibilities: jsonb('responsibilities').$type<ResponsibilityMatrix>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});
