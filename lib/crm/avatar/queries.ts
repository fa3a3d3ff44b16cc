/**
 * Serving a record's avatar from our own route, to whoever may read the record (staff of the
 * business, or the person it is about). The answer is the stored bytes with their type; asked for
 * the current version (`?v=` the record's avatar key, as avatar_url has it) it may be cached for a
 * year as immutable, since a new image is a new key and so a new URL; asked without it, or for an
 * old version, it is revalidated every time. The ETag is the key, so a revalidation is a 304.
 */
import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { storage } from "@/lib/storage";
import { avatarReader, recordInScope } from "./access";

export const IMMUTABLE = "private, max-age=31536000, immutable";
export const REVALIDATE = "private, no-cache";

const NO_AVATAR = "That customer's avatar";

export async function serveAvatar(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  request: { version?: string; ifNoneMatch?: string | null },
): Promise<Response> {
  const scope = avatarReader(actor, businessId);
  const row = await recordInScope(db, scope, recordId);
  const key = row.avatarKey;
  if (!key) throw notFound(NO_AVATAR);
  const etag = `"${key.replace(/[^A-Za-z0-9._-]/g, "-")}"`;
  const headers: Record<string, string> = {
    "cache-control": request.version === key ? IMMUTABLE : REVALIDATE,
    etag,
    "x-content-type-options": "nosniff",
    "content-disposition": "inline",
  };
  if (request.ifNoneMatch && request.ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const object = await storage().get(key);
  if (!object) {
    log.warn({ key, recordId }, "a record's avatar is missing from storage");
    throw notFound(NO_AVATAR);
  }
  return new Response(object.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...headers, "content-type": object.contentType, "content-length": String(object.bytes.byteLength) },
  });
}
