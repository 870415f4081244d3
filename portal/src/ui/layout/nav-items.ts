import type { StaffRole } from '@sightline/shared/auth/roles';
import { anyStaff } from '@sightline/shared/auth/roles';

export type NavItem = {
  to: string;
  label: string;
  roles: readonly StaffRole[];
  group: 'Discover' | 'Assess' | 'Govern' | 'Admin';
};

/** The portal's sections; each page registers here and in app-routes. Items show only to roles that may use them. */
export const navItems: NavItem[] = [
  { to: '/', label: 'Overview', roles: anyStaff, group: 'Discover' },
  {
    to: '/vendors',
    label: 'Vendors',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Assess',
  },
  {
    to: '/reviews/due',
    label: 'Due for review',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Assess',
  },
  {
    to: '/assessments',
    label: 'Assessments',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Assess',
  },
  {
    to: '/findings',
    label: 'Findings',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Assess',
  },
  {
    to: '/templates',
    label: 'Questionnaire templates',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Assess',
  },
  {
    to: '/inventory',
    label: 'AI system inventory',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Govern',
  },
  { to: '/catalog', label: 'AI service catalog', roles: anyStaff, group: 'Govern' },
  {
    to: '/candidates',
    label: 'Unknown AI candidates',
    roles: ['admin', 'procurement', 'auditor'],
    group: 'Govern',
  },
  { to: '/policy', label: 'Policy', roles: anyStaff, group: 'Govern' },
  {
    to: '/requests',
    label: 'Access requests',
    roles: ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
    group: 'Govern',
  },
  { to: '/devices', label: 'Devices', roles: ['admin', 'auditor'], group: 'Admin' },
  { to: '/settings', label: 'Settings', roles: ['admin', 'auditor'], group: 'Admin' },
  { to: '/users', label: 'Users and roles', roles: ['admin', 'auditor'], group: 'Admin' },
  { to: '/outbox', label: 'Mail outbox', roles: ['admin', 'procurement'], group: 'Admin' },
  { to: '/audit', label: 'Audit trail', roles: ['admin', 'auditor'], group: 'Admin' },
];
