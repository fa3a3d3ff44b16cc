/**
 * Reading the audit trail: one entity's (or, for staff, one entity type's) changes, newest first,
 * a page at a time. The reader's scope comes from lib/authz (auditScope) and is part of the WHERE
 * clause, so staff of one business cannot reach another's rows by naming its record. A record with
 * no history (or an entity type nobody records) is an empty page, not an error.
 */
import "server-only";
import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { auditScope, type AuditScope } from "@/lib/authz/policy";
import { invalidCursor, isMicrosInstant, microsText } from "@/lib/http/keyset";
import { type AuditEntryDto, type AuditPageDto, auditPageDto } from "./dto";
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from "./inputs";
import { isRedacted } from "./values";

export type AuditHistoryQuery = {
  entityType: string;
  /** Required unless the reader is staff or a platform admin (then: every record of the type). */
  entityId?: string;
  cursor?: string;
  limit?: number;
};

const actorUser = alias(users, "actor_user");

/** The position of a row in (created_at desc, id desc) order, its time to the microsecond. */
const cursorAt = microsText(auditLog.createdAt);

/**
 * A readable name for entities that are people (a membership's id is the member's user id), as far
 * as the reader may know them: staff, the people their business added, re-roled or removed (its own
 * membership rows, which the WHERE clause already limits to the business), and not the accounts
 * behind other rows; a person, only themselves; a platform admin, anyone. Only for a well-formed
 * UUID, so a malformed id can never fail the whole query on the cast.
 */
function entityName(scope: AuditScope) {
  const named =
    scope.kind === "business"
      ? sql`${auditLog.entityType} = 'membership'`
      : scope.kind === "self"
        ? sql`${auditLog.entityType} = 'user'`
        : sql`${auditLog.entityType} in ('membership', 'user')`;
  return sql<string | null>`(select u.name from users u where u.id = case
    when ${named}
      and ${auditLog.entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    then ${auditLog.entityId}::uuid end)`;
}

/**
 * Whether the reader may know who the acting person was. Staff read their business's trail, but
 * some of its rows were written by people outside the business (a customer disputing a review, a
 * platform admin hiding one): those stay anonymous to staff, so a business cannot learn a
 * customer's account or an administrator's name from its own history.
 */
function actorKnown(scope: AuditScope): SQL {
  if (scope.kind !== "business") return sql`true`;
  return sql`exists (select 1 from memberships m where m.business_id = ${auditLog.businessId} and m.user_id = ${auditLog.actorUserId})`;
}

/** The actor as the reader may see them. */
function actorOf(r: {
  actorType: "user" | "system" | "stripe";
  actorUserId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  actorKnown: boolean;
}) {
  if (r.actorType !== "user") return { type: r.actorType, user_id: null, name: r.actorLabel, label: r.actorLabel };
  if (!r.actorKnown) return { type: r.actorType, user_id: null, name: null, label: OUTSIDE_BUSINESS };
  return { type: r.actorType, user_id: r.actorUserId, name: r.actorName, label: null };
}

export const OUTSIDE_BUSINESS = "outside_business";

export async function auditHistory(db: Database, actor: Actor, query: AuditHistoryQuery): Promise<AuditPageDto> {
  const scope = auditScope(actor, { type: query.entityType, id: query.entityId });
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? AUDIT_PAGE_DEFAULT), 1), AUDIT_PAGE_MAX);
  const after = query.cursor ? decodeCursor(query.cursor) : null;

  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      cursorAt,
      actorType: auditLog.actorType,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      actorName: actorUser.name,
      actorKnown: actorKnown(scope).mapWith(Boolean),
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityName: entityName(scope),
      action: auditLog.action,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      traceId: auditLog.traceId,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .where(
      and(
        ...scopeConditions(scope, query),
        after
          ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after.at}::timestamptz, ${after.id}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return auditPageDto.parse({
    items: page.map((r): AuditEntryDto => ({
      id: String(r.id),
      at: r.createdAt.toISOString(),
      actor: actorOf(r),
      entity: { type: r.entityType, id: r.entityId, name: r.entityName },
      action: r.action,
      field: r.field,
      old_value: r.oldValue ?? null,
      new_value: r.newValue ?? null,
      redacted: isRedacted(r.oldValue) || isRedacted(r.newValue),
      trace_id: r.traceId,
    })),
    next_cursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  });
}

/** The reader's scope as conditions: the tenant (or the person) is always part of the WHERE clause. */
function scopeConditions(scope: AuditScope, query: AuditHistoryQuery): (SQL | undefined)[] {
  const byId = query.entityId === undefined ? undefined : eq(auditLog.entityId, query.entityId);
  switch (scope.kind) {
    case "platform":
      return [eq(auditLog.entityType, query.entityType), byId];
    case "business":
      return [eq(auditLog.businessId, scope.businessId), eq(auditLog.entityType, query.entityType), byId];
    case "self":
      return [
        isNull(auditLog.businessId),
        eq(auditLog.entityType, scope.entityType),
        eq(auditLog.entityId, scope.entityId),
      ];
  }
}

/** Opaque to clients (base64url), so its format can change without breaking them. */
export function encodeCursor(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !isMicrosInstant(at) || !/^\d{1,18}$/.test(id)) throw invalidCursor();
  return { at, id };
}
