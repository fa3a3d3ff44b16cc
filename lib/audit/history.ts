/**
 * Reading the audit trail: one entity's (or, for staff, one entity type's) changes, newest first,
 * a page at a time. The reader's scope comes from lib/authz (auditScope) and is part of the WHERE
 * clause, so staff of one business cannot reach another's rows by naming its record. A record with
 * no history (or an entity type nobody records) is an empty page, not an error.
 */
import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { auditScope, type AuditScope } from "@/lib/authz/policy";
import { badRequest } from "@/lib/errors";
import type { AuditEntryDto, AuditPageDto } from "./dto";
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

/**
 * The position of a row in (created_at desc, id desc) order. The time is kept to the microsecond
 * as Postgres stores it: a JS Date has milliseconds only, and rows of one millisecond would be
 * skipped or repeated across pages.
 */
const cursorAt = sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A readable name for entities that are people. Only for those types, and only for a well-formed
 * UUID, so a malformed id can never fail the whole query on the cast.
 */
const entityName = sql<string | null>`(select u.name from users u where u.id = case
  when ${auditLog.entityType} in ('membership', 'user')
    and ${auditLog.entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then ${auditLog.entityId}::uuid end)`;

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
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityName,
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
        after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after.at}::timestamptz, ${after.id}::bigint)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(
      (r): AuditEntryDto => ({
        id: String(r.id),
        at: r.createdAt.toISOString(),
        actor: {
          type: r.actorType,
          user_id: r.actorUserId,
          name: r.actorType === "user" ? r.actorName : r.actorLabel,
          label: r.actorType === "user" ? null : r.actorLabel,
        },
        entity: { type: r.entityType, id: r.entityId, name: r.entityName },
        action: r.action,
        field: r.field,
        old_value: r.oldValue ?? null,
        new_value: r.newValue ?? null,
        redacted: isRedacted(r.oldValue) || isRedacted(r.newValue),
        trace_id: r.traceId,
      }),
    ),
    next_cursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
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

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(\d{1,18})$/;

/** Opaque to clients (base64url), so its format can change without breaking them. */
export function encodeCursor(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badRequest("That page cursor is not valid. Start again from the first page.", { cursor: ["Not a cursor from this API."] });
  return { at: match[1]!, id: match[2]! };
}
