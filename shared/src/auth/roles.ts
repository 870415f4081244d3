import { z } from 'zod';

/** Staff roles. Auditor is read-only across the portal; viewer sees dashboards only. */
export const staffRoles = ['admin', 'procurement', 'reviewer', 'approver', 'auditor', 'viewer'] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Every role, for routes any signed-in staff member may read. */
export const anyStaff: readonly StaffRole[] = staffRoles;
