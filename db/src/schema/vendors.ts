import { riskTiers } from '@sightline/shared/assessments/assessment-states';
import { vendorStatuses } from '@sightline/shared/vendors/vendor-statuses';
import {
  boolean,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';

export const vendorStatus = pgEnum('vendor_status', vendorStatuses);
export const riskTier = pgEnum('risk_tier', riskTiers);

export const vendor = pgTable(
  'vendor',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    website: text('website'),
    status: vendorStatus('status').notNull().default('prospect'),
    /** Current risk tier from the latest decided assessment. */
    tier: riskTier('tier'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    /** Foundation-model providers the vendor's service relies on (fourth parties). */
    modelProviders: text('model_providers').array().notNull().default([]),
    subProcessors: text('sub_processors').array().notNull().default([]),
    notes: text('notes'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('vendor_name_idx').on(t.name)],
);

export const vendorContact = pgTable('vendor_contact', {
  id: uuid('id').primaryKey().defaultRandom(),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendor.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  email: text('email').notNull(),
  title: text('title'),
  isPrimary: boolean('is_primary').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
});

/** Which catalog services a vendor provides. */
export const vendorService = pgTable(
  'vendor_service',
  {
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.serviceId] })],
);

/** Contracts, certificates and reports held for a vendor; `fileId` points at the stored bytes. */
export const vendorDocument = pgTable('vendor_document', {
  id: uuid('id').primaryKey().defaultRandom(),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendor.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  fileId: uuid('file_id'),
  expiresOn: date('expires_on', { mode: 'string' }),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
});
