import { z } from 'zod';

export const vendorStatuses = [
  'prospect',
  'in_review',
  'approved',
  'conditional',
  'rejected',
  'offboarded',
] as const;
export const vendorStatusSchema = z.enum(vendorStatuses);
export type VendorStatus = z.infer<typeof vendorStatusSchema>;
