/**
 * "Your record with providers" on /me: what providers see of the customer's finished jobs, and,
 * apart, the cancellations that never count against them (a job withdrawn before anyone was
 * booked, a job the provider cancelled), so the customer can tell how their rates are made.
 */
import type { JobRecordDto } from "@/lib/customer-profile/dto";
import { MIN_FINISHED_JOBS_FOR_RATES } from "@/lib/customer-profile/figures";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";

const percent = (value: number) => `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;

export function JobRecord({ record }: { record: JobRecordDto }) {
  return (
    <Card
      title="Your record with providers"
      description="Only jobs you completed, and jobs you cancelled after booking a provider, count in the rates providers see."
    >
      <dl aria-label="Your job record" className="space-y-3 text-sm">
        <Row label="Completed" value={record.completed} note="Shown to providers" />
        <Row label="Cancelled after booking" value={record.cancelled} note="Shown to providers" />
        <Row label="Withdrawn before booking" value={record.withdrawn} note="Not counted: no provider was booked yet" />
        <Row
          label="Cancelled by the provider"
          value={record.cancelled_by_provider}
          note="Not counted: the provider called it off"
        />
        <div className="flex items-baseline justify-between gap-3 border-t border-slate-100 pt-3">
          <dt className="text-slate-600">Completion rate</dt>
          <dd className="font-medium text-slate-900 tabular-nums">
            {record.completion_rate === null
              ? `Shown after ${MIN_FINISHED_JOBS_FOR_RATES} finished jobs`
              : percent(record.completion_rate)}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function Row({ label, value, note }: { label: string; value: number; note: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="min-w-0">
        <span className="block text-slate-900">{label}</span>
        <span className="block text-xs text-slate-500">{note}</span>
      </dt>
      <dd className="font-medium text-slate-900 tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}
