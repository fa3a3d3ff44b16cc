"use client";
/**
 * Spend over time: the record's purchases summed by month (UTC) for the last twelve months, as bars
 * (recharts). The chart is decoration for sighted readers; the same figures are a table for screen
 * readers, and the month with the latest purchase is named in words under it.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/components/ui/format";

export type SpendPoint = { at: string; amount_minor: number };

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });
const MONTH_LONG = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Twelve months ending with `now`'s, each with its total in minor units. */
export function monthlySpend(points: SpendPoint[], now: string, months = 12) {
  const end = new Date(now);
  const buckets: { key: string; start: Date; total: number }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1));
    buckets.push({ key: start.toISOString().slice(0, 7), start, total: 0 });
  }
  const byKey = new Map(buckets.map((b) => [b.key, b]));
  for (const p of points) {
    const bucket = byKey.get(p.at.slice(0, 7));
    if (bucket) bucket.total += p.amount_minor;
  }
  return buckets;
}

export function SpendChart({ points, currency, now }: { points: SpendPoint[]; currency: string; now: string }) {
  const buckets = monthlySpend(points, now);
  const data = buckets.map((b) => ({ month: MONTH.format(b.start), total: b.total }));
  const money = (minor: number) => formatMoney(minor, currency);
  const total = buckets.reduce((sum, b) => sum + b.total, 0);
  return (
    <Card title="Spend over time" description="Purchases by month, the last twelve months.">
      {total === 0 ? (
        <p className="text-sm text-slate-600">No purchases in the last twelve months.</p>
      ) : (
        <>
          <div aria-hidden className="h-56 w-full min-w-0">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis
                  dataKey="month"
                  tick={{ fontSize: 11, fill: "#475569" }}
                  tickLine={false}
                  axisLine={false}
                  interval="preserveStartEnd"
                />
                <YAxis
                  width={56}
                  tick={{ fontSize: 11, fill: "#475569" }}
                  tickLine={false}
                  axisLine={false}
                  tickFormatter={(v: number) => money(v)}
                  allowDecimals={false}
                />
                <Tooltip formatter={(v) => money(Number(v))} cursor={{ fill: "#f1f5f9" }} />
                <Bar
                  dataKey="total"
                  name="Spent"
                  fill="oklch(0.51 0.2 279)"
                  radius={[4, 4, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>Spend by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Spent</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{MONTH_LONG.format(b.start)}</th>
                  <td>{money(b.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-sm text-slate-600">
            {`${money(buckets.at(-1)!.total)} in ${MONTH_LONG.format(buckets.at(-1)!.start)}, ${money(total)} in the last twelve months.`}
          </p>
        </>
      )}
    </Card>
  );
}
