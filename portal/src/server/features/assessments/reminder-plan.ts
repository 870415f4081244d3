import { daysBetween } from '@sightline/shared/assessments/dates';

/** Reminders go out this many days before the due date. */
export const reminderDays = [7, 3, 1] as const;
export type ReminderDay = (typeof reminderDays)[number];

export type ReminderStamps = {
  reminder7SentAt: Date | null;
  reminder3SentAt: Date | null;
  reminder1SentAt: Date | null;
};

export const stampKey = (day: ReminderDay) => `reminder${day}SentAt` as const;

/**
 * Which reminder (if any) to send on `today`. Reminder N is due from N days before the due date up
 * to the due date itself. When ticks were missed and several are due, only the most urgent one is
 * sent and the others are stamped as skipped: a vendor never gets two reminders in one go, and each
 * reminder goes out at most once.
 */
export function planReminder(
  row: { dueOn: string } & ReminderStamps,
  today: string,
): { send: ReminderDay; skip: ReminderDay[] } | null {
  const daysLeft = daysBetween(today, row.dueOn);
  if (daysLeft < 0) return null;
  const due = reminderDays.filter((day) => daysLeft <= day && row[stampKey(day)] === null);
  if (due.length === 0) return null;
  const send = Math.min(...due) as ReminderDay;
  return { send, skip: due.filter((d) => d !== send) };
}

/**
 * Stamps for a link sent (or re-dated) now: reminders whose day has already come are covered by the
 * invitation itself, so a questionnaire due in two days does not get a "due in 7 days" reminder.
 */
export function initialStamps(dueOn: string, today: string, now: Date): ReminderStamps {
  const daysLeft = daysBetween(today, dueOn);
  return {
    reminder7SentAt: daysLeft <= 7 ? now : null,
    reminder3SentAt: daysLeft <= 3 ? now : null,
    reminder1SentAt: daysLeft <= 1 ? now : null,
  };
}
