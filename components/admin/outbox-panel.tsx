/**
 * The admin page's "Event outbox" section: counts by status, how long the oldest pending event
 * has waited, whether a broker is configured at all, the latest events, and a button that puts
 * dead events back in line. Rendered on the server: only the button is interactive, so the
 * events' payloads never travel to the browser.
 */
import type { OutboxEventDto, OutboxOverviewDto } from "@/lib/events/dto";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { RetryDeadEvents } from "./retry-dead-events";

const STATUS_TONE: Record<OutboxEventDto["status"], BadgeTone> = {
  pending: "warning",
  sent: "success",
  dead: "danger",
};

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/** 42 s, 7 min, 3 h 5 min, 2 d 4 h: precise enough to tell a stalled relay from a busy one. */
function formatAge(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

export function OutboxPanel({ overview }: { overview: OutboxOverviewDto }) {
  const { stats, events, broker_configured: brokerConfigured } = overview;
  const oldest = stats.oldest_pending_age_seconds;
  return (
    <Card
      title="Event outbox"
      description="Domain events are stored with each change and published to the message broker by the relay."
      actions={<RetryDeadEvents dead={stats.dead} />}
    >
      <div className="space-y-4">
        {!brokerConfigured && (
          <Alert tone="info">
            No message broker is configured (AMQP_URL is not set): events stay in the outbox until a broker is
            configured.
          </Alert>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Tile label="Pending" value={formatCount(stats.pending)} />
          <Tile label="Sent" value={formatCount(stats.sent)} />
          <Tile label="Dead" value={formatCount(stats.dead)} alert={stats.dead > 0} />
          <Tile
            label="Oldest pending"
            value={oldest === null ? "—" : formatAge(oldest)}
            alert={oldest !== null && oldest > 300}
          />
        </dl>
        {events.length === 0 ? (
          <EmptyState
            title="No events yet"
            description="Events appear here as customers and staff are added and changed."
          />
        ) : (
          <EventsTable events={events} />
        )}
      </div>
    </Card>
  );
}

function Tile({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-slate-50/60 px-4 py-3">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`}>
        {value}
      </dd>
    </div>
  );
}

function EventsTable({ events }: { events: OutboxEventDto[] }) {
  return (
    <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Latest events, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium sm:px-6">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Aggregate
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Attempts
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last error
            </th>
            <th scope="col" className="px-5 py-2 font-medium sm:px-6">
              Occurred (UTC)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-5 py-2 font-mono text-xs text-slate-900 sm:px-6">{e.type}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {e.aggregate_type}{" "}
                <span className="font-mono text-xs" title={e.aggregate_id}>
                  {e.aggregate_id.slice(0, 8)}
                </span>
              </td>
              <td className="px-3 py-2">
                <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-700">{e.attempts}</td>
              <td className="max-w-xs truncate px-3 py-2 text-slate-600" title={e.last_error ?? undefined}>
                {e.last_error ?? <span className="text-muted">—</span>}
              </td>
              <td className="whitespace-nowrap px-5 py-2 text-slate-600 sm:px-6">
                {DATE_TIME.format(new Date(e.occurred_at))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
