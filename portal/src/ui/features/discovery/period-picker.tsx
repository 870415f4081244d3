import { rangeQuerySchema } from '@sightline/shared/discovery/discovery-api';
import { useState } from 'react';
import { z } from 'zod';
import { intoContract } from '../../lib/into-contract';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { type PeriodQuery, presets } from './use-period';

/** Both days given, then the contract's own checks (a date, from ≤ to, at most the longest period). */
const customSchema = intoContract(
  z.object({
    from: z.string().min(1, 'Give the first day'),
    to: z.string().min(1, 'Give the last day'),
  }),
  rangeQuerySchema,
);

/** Presets (7, 30, 90 days) and a custom from–to range; the server checks the range again. */
export function PeriodPicker({
  query,
  onChange,
  period,
}: {
  query: PeriodQuery;
  onChange: (next: PeriodQuery) => void;
  /** The resolved period from the server, to fill the custom fields. */
  period?: { from: string; to: string } | undefined;
}) {
  const [custom, setCustom] = useState('from' in query);
  const active = 'days' in query ? query.days : null;
  return (
    <fieldset className="period-picker">
      <legend className="visually-hidden">Period</legend>
      {presets.map((d) => (
        <button
          key={d}
          type="button"
          className={active === String(d) && !custom ? 'chip active' : 'chip'}
          aria-pressed={active === String(d) && !custom}
          onClick={() => {
            setCustom(false);
            onChange({ days: String(d) });
          }}
        >
          Last {d} days
        </button>
      ))}
      <button
        type="button"
        className={custom ? 'chip active' : 'chip'}
        aria-pressed={custom}
        onClick={() => setCustom(true)}
      >
        Custom…
      </button>
      {custom && <CustomRange key={`${period?.from}-${period?.to}`} period={period} onChange={onChange} />}
    </fieldset>
  );
}

function CustomRange({
  period,
  onChange,
}: {
  period: { from: string; to: string } | undefined;
  onChange: (next: PeriodQuery) => void;
}) {
  const form = useZodForm(customSchema, {
    defaultValues: { from: period?.from ?? '', to: period?.to ?? '' },
  });
  const errors = form.formState.errors;
  return (
    <form
      className="inline-form"
      onSubmit={form.handleSubmit((range) => onChange({ from: range.from ?? '', to: range.to ?? '' }))}
      noValidate
    >
      <div className="field">
        <label>
          From{' '}
          <input
            {...form.register('from')}
            type="date"
            required
            {...fieldErrorProps('period-from-error', errors.from)}
          />
        </label>
        <FieldError id="period-from-error" message={errors.from?.message} />
      </div>
      <div className="field">
        <label>
          To{' '}
          <input
            {...form.register('to')}
            type="date"
            required
            {...fieldErrorProps('period-to-error', errors.to)}
          />
        </label>
        <FieldError id="period-to-error" message={errors.to?.message} />
      </div>
      <button type="submit">Show</button>
    </form>
  );
}
