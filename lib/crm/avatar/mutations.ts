/**
 * Changing a record's avatar: the upload is checked and re-encoded (./image.ts) before anything is
 * written, stored under its content-addressed key, and the record points at it in one transaction
 * with its audit row and v1.customer.updated (fields_changed ["avatar_url"]). The object it
 * replaced is deleted only after that commits; if the transaction fails, the new object is deleted
 * again unless the record already pointed at it (the same image uploaded twice).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import type { CrmReader } from "@/lib/authz/policy";
import { log } from "@/lib/log";
import { storage, type ObjectStorage } from "@/lib/storage";
import { avatarWriter, recordInScope } from "./access";
import { avatarDto, type AvatarDto } from "./dto";
import { reencodeAvatar, tooLarge } from "./image";
import { MAX_AVATAR_BYTES } from "./inputs";
import { avatarKey, avatarUrl } from "./url";
import { customerUpdated } from "@/lib/crm/record";

export async function uploadAvatar(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  file: File,
): Promise<AvatarDto> {
  const scope = avatarWriter(actor, businessId);
  await recordInScope(db, scope, recordId, { live: true });
  if (file.size > MAX_AVATAR_BYTES) throw tooLarge();
  const image = await reencodeAvatar(new Uint8Array(await file.arrayBuffer()));
  const key = avatarKey(recordId, image.hash);
  const store = storage();
  await store.put(key, image.bytes, image.contentType);
  let result: { dto: AvatarDto; replaced: string | null };
  try {
    result = await setAvatarKey(db, scope, recordId, key);
  } catch (error) {
    const [current] = await db
      .select({ avatarKey: crmCustomers.avatarKey })
      .from(crmCustomers)
      .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, recordId)));
    if (current?.avatarKey !== key) await deleteQuietly(store, key);
    throw error;
  }
  if (result.replaced) await deleteQuietly(store, result.replaced);
  return result.dto;
}

/** Removes the record's avatar (changed false when it had none). */
export async function removeAvatar(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
): Promise<AvatarDto> {
  const scope = avatarWriter(actor, businessId);
  const { dto, replaced } = await setAvatarKey(db, scope, recordId, null);
  if (replaced) await deleteQuietly(storage(), replaced);
  return dto;
}

/** Points the record at `key` (or none), audited with its event; answers the key it replaced, to delete after commit. */
async function setAvatarKey(
  db: Database,
  scope: CrmReader,
  recordId: string,
  key: string | null,
): Promise<{ dto: AvatarDto; replaced: string | null }> {
  const { businessId, user } = scope;
  return db.transaction(async (tx) => {
    const row = await recordInScope(tx, scope, recordId, { live: true, lock: true });
    const dto = (changed: boolean) =>
      avatarDto.parse({
        customer_id: recordId,
        business_id: businessId,
        avatar_url: avatarUrl(businessId, recordId, key),
        changed,
      });
    if (row.avatarKey === key) return { dto: dto(false), replaced: null };

    const [updated] = await tx
      .update(crmCustomers)
      .set({ avatarKey: key, updatedAt: new Date() })
      .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, recordId)))
      .returning({ updatedAt: crmCustomers.updatedAt });
    await recordChange(tx, user, {
      businessId,
      entity: { type: "crm_customer", id: recordId },
      action: "update",
      before: { avatar_url: avatarUrl(businessId, recordId, row.avatarKey) },
      after: { avatar_url: avatarUrl(businessId, recordId, key) },
      event: customerUpdated(recordId, ["avatar_url"], updated!.updatedAt, user),
    });
    return { dto: dto(true), replaced: row.avatarKey };
  });
}

/** An object no record points at any more: a failure to delete it is logged, never the request's failure. */
async function deleteQuietly(store: ObjectStorage, key: string) {
  try {
    await store.delete(key);
  } catch (error) {
    log.warn({ err: error, key }, "could not delete a replaced avatar");
  }
}
