import { z } from 'zod';

/**
 * A calendar date written YYYY-MM-DD that really exists (no 2026-02-30), from 1900 on. Due, review,
 * expiry and incident dates and dashboard periods are never earlier, and the bound keeps the days
 * counted back from one (a previous period, a cadence) within what the database stores: it has no year 0.
 */
export const calendarDateSchema = z
  .string()
  .regex(/^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, from 1900 on')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');

/** The UTC calendar day of an instant; due dates and reminders count whole days in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
