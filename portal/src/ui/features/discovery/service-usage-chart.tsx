import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shortDay } from './format';

/** People per day on one service. */
export function ServiceUsageChart({ rows }: { rows: { day: string; people: number; visits: number }[] }) {
  return (
    <figure className="chart">
      <figcaption>People per day</figcaption>
      <div style={{ height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip labelFormatter={(d) => shortDay(String(d))} />
            <Area
              type="monotone"
              dataKey="people"
              name="People"
              stroke="#2563eb"
              fill="#2563eb"
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
