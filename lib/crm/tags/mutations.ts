/**
 * Tagging records (crm.write: owners, admins, managers; staff are refused with insufficient_role).
 * A label names a tag of the business's tag list (crm_tags), matched case-insensitively, created on
 * first use with a colour of the palette. A record carries each tag once (409 duplicate_tag, in any
 * case) and at most 50 (409 too_many_tags); the record's row lock makes the checks hold under
 * concurrent adds. Adding emits v1.customer.tagged; removing emits nothing; both are audited as a
 * change of the record's `tags` field.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers, crmCustomerTags, crmTags } from "@/db/schema";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { recordChange } from "@/lib/audit/record";
import { conflict, notFound } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { lockLiveRecord } from "../record";
import type { BulkTagResultDto, RecordTagsDto, TagAddedDto, TagDto } from "./dto";
import { bulkTagResultDto, recordTagsDto, tagAddedDto } from "./dto";
import { TAG_COLORS, TAGS_PER_RECORD, type AddTagInput, type BulkTagInput, type TagColor } from "./inputs";
import { recordTags, toTagDto } from "./queries";

/** A new tag's colour when none is given: the same label always gets the same one. */
export function paletteColor(label: string): TagColor {
  let hash = 0;
  for (const ch of label.toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return TAG_COLORS[hash % TAG_COLORS.length]!;
}

/**
 * The business's tag with this label (case-insensitively), created if it has none. Two requests
 * creating one label at once meet at the unique index on (business_id, lower(name)): the second
 * waits for the first and then reuses its row.
 */
async function tagFor(tx: Database, businessId: string, label: string, color?: TagColor): Promise<TagDto> {
  const [created] = await tx
    .insert(crmTags)
    .values({ businessId, name: label, color: color ?? paletteColor(label) })
    .onConflictDoNothing()
    .returning({ id: crmTags.id, name: crmTags.name, color: crmTags.color });
  if (created) return toTagDto(created);
  const existing = await findTag(tx, businessId, label);
  if (!existing) throw new Error(`The tag ${JSON.stringify(label)} neither inserted nor found`);
  return existing;
}

/** The business's tag with this label (case-insensitively), if it has one. */
async function findTag(tx: Database, businessId: string, label: string): Promise<TagDto | null> {
  const [existing] = await tx
    .select({ id: crmTags.id, name: crmTags.name, color: crmTags.color })
    .from(crmTags)
    .where(and(eq(crmTags.businessId, businessId), sql`lower(${crmTags.name}) = lower(${label})`));
  return existing ? toTagDto(existing) : null;
}

const byLabel = (a: TagDto, b: TagDto) => a.label.toLowerCase().localeCompare(b.label.toLowerCase());
const labels = (tags: TagDto[]) => tags.map((t) => t.label);

/** The audit rows and (when adding) the event of one record's tag change. */
async function recordTagChange(
  tx: Database,
  actor: Actor,
  user: UserActor,
  businessId: string,
  customerId: string,
  before: TagDto[],
  after: TagDto[],
  added?: TagDto,
) {
  await recordChange(tx, actor, {
    businessId,
    entity: { type: "crm_customer", id: customerId },
    action: "update",
    before: { tags: labels(before) },
    after: { tags: labels(after) },
    ...(added && {
      event: {
        type: "v1.customer.tagged" as const,
        data: {
          customer_id: customerId,
          tag: added.label,
          created_by: user.userId,
          business_id: businessId,
          tag_id: added.tag_id,
        },
      },
    }),
  });
}

export async function addTag(
  db: Database,
  actor: Actor,
  businessId: string,
  customerId: string,
  input: AddTagInput,
): Promise<TagAddedDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  const result = await db.transaction(async (tx) => {
    await lockLiveRecord(tx, businessId, customerId);
    const before = await recordTags(tx, businessId, customerId);
    const tag = await tagFor(tx, businessId, input.label, input.color);
    if (before.some((t) => t.tag_id === tag.tag_id)) {
      throw conflict(`This customer already has the tag “${tag.label}”.`, "duplicate_tag");
    }
    if (before.length >= TAGS_PER_RECORD) {
      throw conflict(`A customer carries at most ${TAGS_PER_RECORD} tags: remove one first.`, "too_many_tags");
    }
    await tx
      .insert(crmCustomerTags)
      .values({ businessId, crmCustomerId: customerId, tagId: tag.tag_id, createdByUserId: user.userId });
    const after = [...before, tag].sort(byLabel);
    await recordTagChange(tx, actor, user, businessId, customerId, before, after, tag);
    return tagAddedDto.parse({ customer_id: customerId, tags: after, tag });
  });
  metrics.taggedCustomers.inc();
  return result;
}

export async function removeTag(
  db: Database,
  actor: Actor,
  businessId: string,
  customerId: string,
  tagId: string,
): Promise<RecordTagsDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  return db.transaction(async (tx) => {
    await lockLiveRecord(tx, businessId, customerId);
    const before = await recordTags(tx, businessId, customerId);
    if (!before.some((t) => t.tag_id === tagId)) throw notFound("That tag on this customer");
    await tx
      .delete(crmCustomerTags)
      .where(
        and(
          eq(crmCustomerTags.businessId, businessId),
          eq(crmCustomerTags.crmCustomerId, customerId),
          eq(crmCustomerTags.tagId, tagId),
        ),
      );
    const after = before.filter((t) => t.tag_id !== tagId);
    await recordTagChange(tx, actor, user, businessId, customerId, before, after);
    return recordTagsDto.parse({ customer_id: customerId, tags: after });
  });
}

/**
 * Tags many records at once, each as addTag would, in one transaction, answering an outcome per
 * record instead of failing the whole request: a record that already carries the tag, is full,
 * deleted or not this business's is reported and left as it was. The records are locked in id
 * order, so two bulk taggings of overlapping selections cannot deadlock.
 */
export async function bulkTag(
  db: Database,
  actor: Actor,
  businessId: string,
  input: BulkTagInput,
): Promise<BulkTagResultDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  const ids = [...new Set(input.customer_ids)];
  const result = await db.transaction(async (tx) => {
    const records = await tx
      .select({ id: crmCustomers.id, deletedAt: crmCustomers.deletedAt })
      .from(crmCustomers)
      .where(and(eq(crmCustomers.businessId, businessId), inArray(crmCustomers.id, ids)))
      .orderBy(asc(crmCustomers.id))
      .for("update");
    const found = new Map(records.map((r) => [r.id, r]));
    // A label the business has no tag for yet is added to its list only when a record takes it.
    let tag = await findTag(tx, businessId, input.label);
    const live = records.filter((r) => !r.deletedAt).map((r) => r.id);
    const current = new Map<string, TagDto[]>();
    if (live.length > 0) {
      const rows = await tx
        .select({ customerId: crmCustomerTags.crmCustomerId, id: crmTags.id, name: crmTags.name, color: crmTags.color })
        .from(crmCustomerTags)
        .innerJoin(crmTags, eq(crmTags.id, crmCustomerTags.tagId))
        .where(and(eq(crmCustomerTags.businessId, businessId), inArray(crmCustomerTags.crmCustomerId, live)));
      for (const row of rows) {
        const tags = current.get(row.customerId) ?? [];
        tags.push(toTagDto(row));
        current.set(row.customerId, tags);
      }
    }
    const results: BulkTagResultDto["results"] = [];
    const tagged: string[] = [];
    for (const id of ids) {
      const record = found.get(id);
      const before = (current.get(id) ?? []).sort(byLabel);
      let outcome: BulkTagResultDto["results"][number]["outcome"];
      if (!record) outcome = "not_found";
      else if (record.deletedAt) outcome = "record_deleted";
      else if (tag && before.some((t) => t.tag_id === tag!.tag_id)) outcome = "already_tagged";
      else if (before.length >= TAGS_PER_RECORD) outcome = "too_many_tags";
      else outcome = "tagged";
      results.push({ customer_id: id, outcome });
      if (outcome === "tagged") tagged.push(id);
    }
    // None of the records carried a tag that did not exist, so the outcomes stand once it is made.
    if (tagged.length > 0) tag ??= await tagFor(tx, businessId, input.label, input.color);
    if (tagged.length > 0 && tag) {
      const added = tag;
      await tx.insert(crmCustomerTags).values(
        tagged.map((crmCustomerId) => ({
          businessId,
          crmCustomerId,
          tagId: added.tag_id,
          createdByUserId: user.userId,
        })),
      );
      for (const id of tagged) {
        const before = current.get(id) ?? [];
        await recordTagChange(tx, actor, user, businessId, id, before, [...before, added].sort(byLabel), added);
      }
    }
    return bulkTagResultDto.parse({
      tag: tag ?? null,
      tagged: tagged.length,
      results,
    });
  });
  if (result.tagged > 0) metrics.taggedCustomers.inc(result.tagged);
  return result;
}
