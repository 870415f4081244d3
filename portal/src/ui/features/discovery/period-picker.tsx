import { type FormEvent, useState } from 'react';
import { type PeriodQuery, presets } from './use-period';

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
  const onCustom = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    onChange({ from: String(f.get('from')), to: String(f.get('to')) });
  };
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
      {custom && (
        <form className="inline-form" onSubmit={onCustom} key={`${period?.from}-${period?.to}`}>
          <label>
            From <input type="date" name="from" required defaultValue={period?.from} />
          </label>
          <label>
            To <input type="date" name="to" required defaultValue={period?.to} />
          </label>
          <button type="submit">Show</button>
        </form>
      )}
    </fieldset>
  );
}
