/**
 * One change in the history timeline: the audit rows of one action (one row per field, written
 * together) shown as a single entry — what happened, to whom, by whom, when, and each field as
 * "field: old → new". Sensitive fields say only "changed (hidden)".
 */
import type { Ref } from "react";
import type { AuditEntryDto } from "@/lib/audit/dto";
import { truncateGraphemes } from "@/lib/graphemes";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { timeAgo } from "@/components/ui/format";

type ChangeGroupData = {
  key: string;
  first: AuditEntryDto;
  fields: AuditEntryDto[];
};

/**
 * Rows of one action arrive next to each other (same time, same record, same actor and trace), so
 * merging neighbours rebuilds the change. It also merges across a page boundary.
 */
export function groupChanges(entries: AuditEntryDto[]): ChangeGroupData[] {
  const groups: ChangeGroupData[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && sameChange(last.first, entry)) {
      if (entry.field !== null) last.fields.push(entry);
    } else {
      groups.push({ key: entry.id, first: entry, fields: entry.field !== null ? [entry] : [] });
    }
  }
  // Newest first overall; within a change, fields read best in the order they were written.
  for (const group of groups) group.fields.reverse();
  return groups;
}

function sameChange(a: AuditEntryDto, b: AuditEntryDto): boolean {
  return (
    a.at === b.at &&
    a.action === b.action &&
    a.entity.type === b.entity.type &&
    a.entity.id === b.entity.id &&
    a.actor.type === b.actor.type &&
    a.actor.user_id === b.actor.user_id &&
    a.actor.label === b.actor.label &&
    a.trace_id === b.trace_id
  );
}

const ACTION_BADGES: Record<string, { label: string; tone: BadgeTone }> = {
  create: { label: "Created", tone: "success" },
  update: { label: "Updated", tone: "brand" },
  delete: { label: "Deleted", tone: "danger" },
  accept: { label: "Accepted", tone: "accent" },
  erase: { label: "Erased", tone: "danger" },
  export: { label: "Exported", tone: "warning" },
};

/** Unknown verbs still show, in neutral. */
function ActionBadge({ action }: { action: string }) {
  const known = ACTION_BADGES[action];
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? humanize(action)}</Badge>;
}

type Props = { group: ChangeGroupData; showSubject: boolean; ref?: Ref<HTMLLIElement> };

export function ChangeGroup({ group, showSubject, ref }: Props) {
  const { first, fields } = group;
  return (
    <li
      ref={ref}
      tabIndex={-1}
      className="relative pb-5 pl-5 last:pb-0 focus:outline-none focus-visible:rounded-lg focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <span
        aria-hidden
        className="absolute -left-[5.5px] top-1.5 size-2.5 rounded-full bg-slate-300 ring-4 ring-white"
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <ActionBadge action={first.action} />
        {showSubject && <span className="font-medium text-slate-900">{subjectOf(first)}</span>}
        <span className="text-slate-600">by {actorOf(first)}</span>
        <span aria-hidden className="text-slate-300">
          ·
        </span>
        <time dateTime={first.at} title={absoluteTime(first.at)} className="text-xs text-slate-500">
          {timeAgo(first.at)}
        </time>
      </div>
      {fields.length > 0 && (
        <ul className="mt-1.5 space-y-0.5 text-sm text-slate-700">
          {fields.map((f) => (
            <li key={f.id} className="break-words">
              <span className="font-medium text-slate-800">{humanize(f.field!)}:</span>{" "}
              {f.redacted ? (
                <span className="text-slate-500 italic">changed (hidden)</span>
              ) : (
                <>
                  <Value value={f.old_value} className="text-slate-500 line-through decoration-slate-300" />
                  <span aria-hidden className="mx-1 text-muted">
                    →
                  </span>
                  <span className="sr-only"> to </span>
                  <Value value={f.new_value} className="text-slate-900" />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const MAX_VALUE_CHARS = 120;

function Value({ value, className }: { value: unknown; className: string }) {
  if (value === null || value === undefined) return <span className="text-muted">none</span>;
  const text = formatValue(value);
  // By grapheme: a cut by code unit could end in half an emoji of a changed name.
  const short = truncateGraphemes(text, MAX_VALUE_CHARS);
  return (
    <span className={className} title={short === text ? undefined : text}>
      {short}
    </span>
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function formatValue(value: unknown): string {
  if (typeof value === "string") return ISO_TIME.test(value) ? absoluteTime(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function actorOf(entry: AuditEntryDto): string {
  const { type, name, label } = entry.actor;
  if (type === "user")
    return label === "outside_business" ? "someone outside this business" : (name ?? "a deleted account");
  if (type === "stripe") return `Stripe (${(label ?? "").replace(/^stripe:/, "") || "webhook"})`;
  if (label === "anonymous") return "someone not signed in";
  return `the system (${label ?? "job"})`;
}

function subjectOf(entry: AuditEntryDto): string {
  return entry.entity.name ?? `${humanize(entry.entity.type)} ${entry.entity.id.slice(0, 8)}`;
}

/** "expiresAt" and "expires_at" both read "expires at". */
function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Fixed locale and UTC, like components/ui/format.ts, so every viewer reads the same time.
const ABSOLUTE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function absoluteTime(iso: string): string {
  return `${ABSOLUTE.format(new Date(iso))} UTC`;
}
