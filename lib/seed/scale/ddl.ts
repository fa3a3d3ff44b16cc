/**
 * Bulk-load DDL: read the definitions of the loaded tables' primary keys, secondary indexes and
 * the foreign keys that touch them from the catalogue, drop them before the load and recreate
 * them after. Building an index once over sorted data, and validating a foreign key with one
 * join, is far cheaper than maintaining them row by row. The definitions come from the live
 * database, so new indexes added by future migrations are handled without changes here.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** Every table the scale world writes to. */
export const LOADED_TABLES = [
  "users",
  "businesses",
  "memberships",
  "customers",
  "profile_stats",
  "profile_job_categories",
  "jobs",
  "job_applications",
  "bookings",
  "customer_reviews",
  "provider_interactions",
  "crm_customers",
  "purchases",
] as const;

type Definition = { table: string; name: string; def: string };
export type SavedDdl = { keys: Definition[]; indexes: Definition[]; foreignKeys: Definition[] };

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const tableList = sql.raw(`array[${LOADED_TABLES.map((t) => `'${t}'`).join(",")}]::text[]`);

export async function readDdl(db: Database): Promise<SavedDdl> {
  const keys = await db.execute<Definition>(sql`
    select t.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class t on t.oid = k.conrelid
    where k.contype in ('p', 'u') and t.relnamespace = current_schema()::regnamespace and t.relname = any(${tableList})
    order by 1, 2`);
  // Foreign keys from or to a loaded table: the ones to it must go before its primary key can.
  const foreignKeys = await db.execute<Definition>(sql`
    select t.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace
      and (t.relname = any(${tableList}) or r.relname = any(${tableList}))
    order by 1, 2`);
  // Indexes that back a constraint are recreated with the constraint.
  const indexes = await db.execute<Definition>(sql`
    select i.tablename as "table", i.indexname as name, i.indexdef as def
    from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${tableList})
      and not exists (select 1 from pg_constraint k where k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
    order by 1, 2`);
  return { keys: keys.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

export function dropStatements(ddl: SavedDdl): string[] {
  return [
    ...ddl.foreignKeys.map((f) => `alter table ${quote(f.table)} drop constraint ${quote(f.name)}`),
    ...ddl.indexes.map((i) => `drop index ${quote(i.name)}`),
    ...ddl.keys.map((k) => `alter table ${quote(k.table)} drop constraint ${quote(k.name)}`),
  ];
}

/** Keys first (foreign keys need them), then the other indexes, then foreign keys (validated with one join each). */
export function recreateStatements(ddl: SavedDdl): { keysAndIndexes: string[]; foreignKeys: string[] } {
  return {
    keysAndIndexes: [
      ...ddl.keys.map((k) => `alter table ${quote(k.table)} add constraint ${quote(k.name)} ${k.def}`),
      ...ddl.indexes.map((i) => i.def),
    ],
    foreignKeys: ddl.foreignKeys.map((f) => `alter table ${quote(f.table)} add constraint ${quote(f.name)} ${f.def}`),
  };
}
