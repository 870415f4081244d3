import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { stateLabels } from '../policy/policy-page';
import { seriesColours, shortDay, stateColours } from './format';

/** Distinct people per day on each of the top services, and on any AI service (each person once). */
export function PeoplePerDayChart({
  rows,
  services,
}: {
  rows: Record<string, string | number>[];
  services: { serviceId: string; name: string }[];
}) {
  return (
    <figure className="chart">
      <figcaption>People per day on the most used services</figcaption>
      <div style={{ height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip labelFormatter={(d) => shortDay(String(d))} />
            <Legend />
            {services.map((s, i) => (
              <Line
                key={s.serviceId}
                type="monotone"
                dataKey={s.serviceId}
                name={s.name}
                stroke={seriesColours[i % seriesColours.length]}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
            <Line
              type="monotone"
              dataKey="any"
              name="Any AI service"
              stroke="#9ca3af"
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Visits per day stacked by the service's policy state today. */
export function VisitsByStateChart({ rows }: { rows: ({ day: string } & Record<PolicyState, number>)[] }) {
  const shown = policyStates.filter((s) => rows.some((r) => r[s] > 0));
  return (
    <figure className="chart">
      <figcaption>Visits per day by policy state</figcaption>
      <div style={{ height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} />
            <YAxis allowDecimals={false} width={48} />
            <Tooltip labelFormatter={(d) => shortDay(String(d))} />
            <Legend />
            {shown.map((s) => (
              <Area
                key={s}
                type="monotone"
                dataKey={s}
                name={stateLabels[s]}
                stackId="state"
                stroke={stateColours[s]}
                fill={stateColours[s]}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Visits per catalog category, largest first. */
export function CategoryChart({ rows }: { rows: { label: string; visits: number; services: number }[] }) {
  return (
    <figure className="chart">
      <figcaption>Visits by kind of AI service</figcaption>
      <div style={{ height: Math.max(120, rows.length * 28 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(value, _name, item) => [
                `${value} visits on ${(item.payload as { services: number }).services} services`,
                'Use',
              ]}
            />
            <Bar dataKey="visits" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
