/**
 * Reading tags: a record's own, and the business's tag list with how many live records carry each.
 * Tags are internal to the business: its staff read them (crm.read), the person a record is about
 * never does (404 here, as for anyone outside the business).
 */
import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers, crmCustomerTags, crmTags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { tagDto, tagListDto, type TagDto, type TagListDto } from "./dto";

/** The tags a record carries, by label (case-insensitively). */
export async function recordTags(db: Database, businessId: string, customerId: string): Promise<TagDto[]> {
  const rows = await db
    .select({ id: crmTags.id, name: crmTags.name, color: crmTags.color })
    .from(crmCustomerTags)
    .innerJoin(crmTags, eq(crmTags.id, crmCustomerTags.tagId))
    .where(and(eq(crmCustomerTags.businessId, businessId), eq(crmCustomerTags.crmCustomerId, customerId)))
    .orderBy(sql`lower(${crmTags.name})`, asc(crmTags.id));
  return rows.map(toTagDto);
}

export function toTagDto(row: { id: string; name: string; color: string }): TagDto {
  return tagDto.parse({ tag_id: row.id, label: row.name, color: row.color });
}

export async function listTags(db: Database, actor: Actor, businessId: string): Promise<TagListDto> {
  requireCrm(actor, businessId, "crm.read");
  const rows = await db
    .select({
      id: crmTags.id,
      name: crmTags.name,
      color: crmTags.color,
      createdAt: crmTags.createdAt,
      count: sql<number>`count(${crmCustomers.id})::int`,
    })
    .from(crmTags)
    .leftJoin(
      crmCustomerTags,
      and(eq(crmCustomerTags.tagId, crmTags.id), eq(crmCustomerTags.businessId, crmTags.businessId)),
    )
    .leftJoin(
      crmCustomers,
      and(
        eq(crmCustomers.id, crmCustomerTags.crmCustomerId),
        eq(crmCustomers.businessId, crmTags.businessId),
        isNull(crmCustomers.deletedAt),
      ),
    )
    .where(eq(crmTags.businessId, businessId))
    .groupBy(crmTags.id)
    .orderBy(sql`lower(${crmTags.name})`, asc(crmTags.id));
  return tagListDto.parse({
    business_id: businessId,
    tags: rows.map((r) => ({
      tag_id: r.id,
      label: r.name,
      color: r.color,
      customer_count: Number(r.count),
      created_at: iso(r.createdAt),
    })),
  });
}
