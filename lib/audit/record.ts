/**
 * Recording a change: one audit row per changed field and, when the change is news to other
 * systems, its domain event, both in the caller's transaction, so a change, its record and its
 * event commit together or not at all. Every mutation that should be accountable calls
 * recordChange with the row before and after; this module works out which fields changed,
 * redacts sensitive ones, and stamps who did it, for which business, under which trace id.
 *
 *   await recordChange(tx, actor, {
 *     businessId, entity: { type: "membership", id: userId }, action: "update",
 *     before: { role: "staff" }, after: { role: "manager" },
 *     event: { type: "v1.staff.role_changed", data: { user_id: userId, previous_role: "staff", ... } },
 *   });
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { EventData, EventType } from "@/lib/events/catalog";
import { emitEvent } from "@/lib/events/outbox";
import { currentTraceId } from "@/lib/observability/context";
import { canonicalJson, isNotAudited, REDACTED, sensitivityOf, toAuditJson } from "./values";

/** A Stripe webhook acting on an event: recorded as actor type "stripe" with label "stripe:<event id>". */
export type StripeSource = { kind: "stripe"; eventId: string };
export const stripeSource = (eventId: string): StripeSource => ({ kind: "stripe", eventId });

/** Who made a change: any request actor, or a Stripe event named explicitly. */
export type AuditActor = Actor | StripeSource;

export type AuditAction = "create" | "update" | "delete" | (string & {});

export type AuditChange = {
  /** The business the change belongs to; null for a person's own records (their account, profile). */
  businessId: string | null;
  entity: { type: string; id: string };
  /** create, update, delete, or a verb with no field diff such as "erase" or "export". */
  action: AuditAction;
  /** The record before the change (omit for a create). */
  before?: Record<string, unknown> | null;
  /**
   * The record after the change, whole or as the patch applied (omit for a delete). For an update
   * only the fields named here are compared, so a partial `after` never reads as fields cleared.
   */
  after?: Record<string, unknown> | null;
  /** Field names to redact on top of the defaults (see values.ts). */
  sensitive?: readonly string[];
  /**
   * The domain event the change publishes (lib/events/catalog.ts), for the same business. It is
   * written with the audit rows, and like them not at all for an update that changed nothing.
   */
  event?: ChangeEvent;
};

/** One event of the catalog with its payload; the aggregate it belongs to is read from the payload. */
export type ChangeEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

type AuditRow = typeof auditLog.$inferInsert;

/**
 * Records one change (and its event) and returns how many audit rows it wrote: one per changed
 * field; none for an update that changed nothing; one with field null for an action with no field diff.
 */
export async function recordChange(tx: Database, actor: AuditActor, change: AuditChange): Promise<number> {
  if (!change.entity.type || !change.entity.id) throw new Error("recordChange needs an entity type and id");
  // Read before the first await, while we are certainly still inside the request's context.
  const traceId = currentTraceId() ?? null;
  const fields = changedFields(change);
  if (fields.length === 0 && change.action === "update") return 0;

  const base: Omit<AuditRow, "field" | "oldValue" | "newValue"> = {
    ...actorColumns(actor),
    businessId: change.businessId,
    entityType: change.entity.type,
    entityId: change.entity.id,
    action: change.action,
    traceId,
  };
  const rows: AuditRow[] =
    fields.length > 0
      ? fields.map((f) => ({ ...base, field: f.field, oldValue: f.oldValue, newValue: f.newValue }))
      : [{ ...base, field: null, oldValue: null, newValue: null }];
  await tx.insert(auditLog).values(rows);
  if (change.event) await emitEvent(tx, { ...change.event, businessId: change.businessId });
  return rows.length;
}

/**
 * The audit rows of a change made in one statement (no transaction to call recordChange in), as a
 * data-modifying CTE of it, for values only that statement knows, such as the totals before and
 * after a relative update. `fields` is a query of (field, old_value, new_value), the values jsonb in
 * the form toAuditJson gives (a timestamp through auditTimestamp); a field whose value did not
 * change writes no row. Nothing is redacted: name no sensitive field here.
 */
export function auditInsert(
  actor: AuditActor,
  change: Pick<AuditChange, "businessId" | "entity" | "action">,
  fields: SQL,
): SQL {
  const who = actorColumns(actor);
  return sql`insert into audit_log (actor_type, actor_user_id, actor_label, business_id, entity_type, entity_id,
                                    action, field, old_value, new_value, trace_id)
    select ${who.actorType}::audit_actor_type, ${who.actorUserId ?? null}::uuid, ${who.actorLabel ?? null}::text,
           ${change.businessId}::uuid, ${change.entity.type}::text, ${change.entity.id}::text, ${change.action}::text,
           f.field, f.old_value, f.new_value, ${currentTraceId() ?? null}::text
    from (${fields}) f (field, old_value, new_value)
    where f.old_value is distinct from f.new_value`;
}

/** A timestamptz as the audit trail keeps a Date: its ISO string in UTC, to the millisecond. */
export const auditTimestamp = (column: SQL): SQL =>
  sql`to_jsonb(to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

const plain = () => false;

/** The fields whose JSON value differs between before and after, with their stored values. */
export function changedFields(change: Pick<AuditChange, "before" | "after" | "sensitive">): FieldChange[] {
  const before = change.before ?? null;
  const after = change.after ?? null;
  const isSensitive = sensitivityOf(change.sensitive);
  // A create or an update names its fields in `after`; a delete in `before`.
  const names = Object.keys(after ?? before ?? {});
  const out: FieldChange[] = [];
  for (const field of names) {
    if (isNotAudited(field)) continue;
    if (after && after[field] === undefined) continue; // not part of this patch
    const oldPlain = toAuditJson(before?.[field], plain);
    const newPlain = toAuditJson(after?.[field], plain);
    if (canonicalJson(oldPlain) === canonicalJson(newPlain)) continue;
    if (isSensitive(field)) {
      // Null stays null: "it was empty" tells nothing, and the reader still sees set vs cleared.
      out.push({ field, oldValue: oldPlain === null ? null : REDACTED, newValue: newPlain === null ? null : REDACTED });
    } else {
      out.push({
        field,
        oldValue: toAuditJson(before?.[field], isSensitive),
        newValue: toAuditJson(after?.[field], isSensitive),
      });
    }
  }
  return out;
}

/** The actor columns: a person by id (their name is looked up when read, not copied here), a job or source by label. */
function actorColumns(actor: AuditActor): Pick<AuditRow, "actorType" | "actorUserId" | "actorLabel"> {
  switch (actor.kind) {
    case "user":
      return { actorType: "user", actorUserId: actor.userId, actorLabel: null };
    case "stripe":
      return { actorType: "stripe", actorUserId: null, actorLabel: `stripe:${actor.eventId}` };
    case "system":
      // Webhook handlers may act as systemActor("stripe:evt_..."): that is Stripe, not a job.
      return {
        actorType: actor.label.startsWith("stripe:") ? "stripe" : "system",
        actorUserId: null,
        actorLabel: actor.label,
      };
    case "anonymous":
      // Someone not signed in (registering an account): no person to name yet.
      return { actorType: "system", actorUserId: null, actorLabel: "anonymous" };
  }
}
