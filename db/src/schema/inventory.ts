import {
  aiActRoles,
  aiSystemOrigins,
  euAiActClasses,
  lifecycleStages,
} from '@sightline/shared/inventory/inventory-enums';
import type { ResponsibilityMatrix } from '@sightline/shared/inventory/responsibilities';
import {
  boolean,
  date,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessment } from './assessments';
import { user } from './auth';
import { riskTier, vendor } from './vendors';

export const lifecycleStage = pgEnum('lifecycle_stage', lifecycleStages);
export const euAiActClass = pgEnum('eu_ai_act_class', euAiActClasses);
export const aiActRole = pgEnum('ai_act_role', aiActRoles);
export const aiSystemOrigin = pgEnum('ai_system_origin', aiSystemOrigins);

/** The organisation's AI system inventory (ISO/IEC 42001 clause 4 scope, A.4, A.6). */
export const aiSystem = pgTable('ai_system', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  owner: text('owner').notNull(),
  origin: aiSystemOrigin('origin').notNull().default('third_party'),
  lifecycleStage: lifecycleStage('lifecycle_stage').notNull().default('operation_monitoring'),
  euAiActClass: euAiActClass('eu_ai_act_class').notNull().default('unknown'),
  orgRole: aiActRole('org_role').notNull().default('deployer'),
  dataCategories: text('data_categories').array().notNull().default([]),
  decisionsAboutPeople: boolean('decisions_about_people').notNull().default(false),
  decisionsDescription: text('decisions_description'),
  humanOversight: text('human_oversight'),
  /** Catalog services through which staff use this system. */
  serviceIds: text('service_ids').array().notNull().default([]),
  nextReviewOn: date('next_review_on', { mode: 'string' }),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});

/** A supplier in an AI system, with its current risk and the split of responsibilities (A.10.2). */
export const aiSystemSupplier = pgTable(
  'ai_system_supplier',
  {
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
    /** Validated by the shared responsibility matrix schema on the way in and out. */
    responsibilities: jsonb('responsibilities').$type<ResponsibilityMatrix>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex('ai_system_supplier_vendor_uq').on(t.aiSystemId, t.vendorId)],
);
