/**
 * Everything that happened with a customer, newest first, in one list: purchases and appointments
 * (their history), notes (for those who may read them), and the audit trail's changes: tags added
 * or removed, and each contact field changed, from what to what and by whom.
 */
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatMoney, plural } from "@/components/ui/format";
import { NOTE_TYPE_LABEL, type AuditEntryView, type HistoryEntryView, type NoteView } from "./types";

type Event = { key: string; at: string; badge: { label: string; tone: BadgeTone }; text: string; by?: string | null };

const FIELD_LABEL: Record<string, string> = {
  full_name: "Name",
  email: "Email",
  phone: "Phone",
  address: "Address",
  customer_type: "Type",
  gender: "Gender",
  avatar_key: "Photo",
  deleted_at: "Deleted",
};

const APPOINTMENT: Record<string, string> = {
  scheduled: "Appointment booked",
  completed: "Appointment",
  cancelled: "Appointment cancelled",
  no_show: "Missed appointment",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("line1" in o) return [o.line1, o.line2, o.city, o.postal_code, o.country].filter(Boolean).join(", ");
    if ("label" in o) return String(o.label);
    return Object.values(o).map(show).join(", ");
  }
  return String(value);
}

function label(field: string): string {
  return FIELD_LABEL[field] ?? field.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

function auditEvent(entry: AuditEntryView): Event | null {
  const by = entry.actor.name ?? (entry.actor.label === "outside_business" ? "the customer" : entry.actor.label);
  const base = { key: `audit-${entry.id}`, at: entry.at, by };
  const subject = entry.entity.type;
  if (subject === "crm_tag" || entry.field === "tags" || entry.field === "tag" || /tag/.test(entry.action)) {
    const removed = entry.action.includes("remove") || entry.action === "delete" || entry.new_value === null;
    const value = show(removed ? entry.old_value : entry.new_value);
    return {
      ...base,
      badge: { label: removed ? "Tag removed" : "Tagged", tone: "accent" },
      text: value === "none" ? "" : value,
    };
  }
  if (subject === "crm_note") return null; // the notes themselves are listed (or hidden)
  // The sale is listed from the history; its audit rows are the totals it moved, which the metrics show.
  if (entry.action === "purchase") return null;
  // One change writes a row per field, all at its transaction's time: the record's own steps are one entry.
  const step = { ...base, key: `audit-${entry.action}-${entry.at}` };
  if (entry.action === "create")
    return { ...step, badge: { label: "Created", tone: "success" }, text: "Record created" };
  if (entry.action === "delete")
    return { ...step, badge: { label: "Deleted", tone: "danger" }, text: "Record deleted" };
  if (entry.action === "restore")
    return { ...step, badge: { label: "Restored", tone: "success" }, text: "Record restored" };
  if (entry.field === null)
    return { ...base, badge: { label: "Changed", tone: "brand" }, text: entry.action.replace(/_/g, " ") };
  const text = entry.redacted
    ? `${label(entry.field)} changed`
    : `${label(entry.field)}: ${show(entry.old_value)} → ${show(entry.new_value)}`;
  return { ...base, badge: { label: "Changed", tone: "brand" }, text };
}

type Props = {
  history: HistoryEntryView[];
  notes: NoteView[] | null;
  audit: AuditEntryView[] | null;
  /** Shown when the change history is not visible to this viewer (no audit.read). */
  auditHiddenReason?: string;
  limit?: number;
};

export function Timeline({ history, notes, audit, auditHiddenReason, limit = 30 }: Props) {
  const events: Event[] = [];
  for (const h of history) {
    if (h.kind === "purchase") {
      events.push({
        key: `purchase-${h.id}`,
        at: h.at,
        badge: { label: "Purchase", tone: "success" },
        text: `${formatMoney(h.amount_minor, h.currency)} · ${plural(h.items, "item")}${h.description ? ` · ${h.description}` : ""}`,
      });
    } else {
      events.push({
        key: `appointment-${h.id}`,
        at: h.at,
        badge: { label: "Appointment", tone: h.status === "completed" ? "brand" : "neutral" },
        text: APPOINTMENT[h.status] ?? "Appointment",
      });
    }
  }
  for (const n of notes ?? []) {
    events.push({
      key: `note-${n.note_id}`,
      at: n.created_at,
      badge: { label: "Note", tone: "warning" },
      text: `${NOTE_TYPE_LABEL[n.note_type]} note: ${n.content.length > 80 ? `${n.content.slice(0, 80)}…` : n.content}`,
      by: n.created_by?.name,
    });
  }
  const seen = new Set<string>();
  for (const a of audit ?? []) {
    const event = auditEvent(a);
    if (!event || seen.has(event.key)) continue;
    seen.add(event.key);
    events.push(event);
  }
  events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const shown = events.slice(0, limit);

  return (
    <Card title="Timeline" description="Purchases, appointments, notes, tags and changes, newest first.">
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing has happened yet.</p>
      ) : (
        <ol aria-label="Timeline" className="ml-1.5 border-l border-slate-200">
          {shown.map((e) => (
            <li key={e.key} className="relative pb-4 pl-5 last:pb-0">
              <span
                aria-hidden
                className="absolute -left-[5.5px] top-1.5 size-2.5 rounded-full bg-slate-300 ring-4 ring-white"
              />
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <Badge tone={e.badge.tone}>{e.badge.label}</Badge>
                <span className="min-w-0 break-words text-slate-900">{e.text}</span>
              </div>
              <p className="mt-0.5 text-xs text-slate-500">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {e.by ? ` · by ${e.by}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
      {events.length > limit && <p className="mt-3 text-xs text-slate-500">The latest {limit} events are shown.</p>}
      {auditHiddenReason && <p className="mt-3 text-xs text-slate-500">{auditHiddenReason}</p>}
    </Card>
  );
}
