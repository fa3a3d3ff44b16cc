/**
 * Customer avatars through the real route wrapper and database, with the real local storage
 * adapter on a throwaway directory: an upload is recognised by its content only, re-encoded without
 * its metadata, stored under a content-addressed key and served with caching headers; every refused
 * upload stores nothing, changes nothing and emits nothing; who may upload, read and remove.
 */
import { and, count, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import * as avatarRoute from "@/app/api/customers/[businessId]/[customerId]/avatar/route";
import type { Database } from "@/db/client";
import { auditLog, crmCustomers, eventOutbox } from "@/db/schema";
import { POLICIES } from "@/lib/rate-limit/policies";
import { storage } from "@/lib/storage";
import {
  crmAccessWorld,
  fileForm,
  filesUnder,
  send,
  temporaryStorageDir,
  type CrmAccessWorld,
  type Who,
} from "@/test/fixtures/crm-access";
import { avatarDto } from "./dto";
import { MAX_AVATAR_BYTES } from "./inputs";
import { IMMUTABLE, REVALIDATE } from "./queries";
import { avatarUrl } from "./url";

const { as, parsedBody, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const dir = temporaryStorageDir();
const t = await routeDatabase();

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

const CAMERA = "SECRETCAM-7731";
/** A real 900×600 PNG carrying EXIF with the camera's make and a GPS position. */
const photoWithGps = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#c0392b" } })
  .withExif({
    IFD0: { Make: CAMERA, Model: "Pocket 3" },
    IFD3: { GPSLatitudeRef: "N", GPSLatitude: "47/1 30/1 15/1", GPSLongitudeRef: "E", GPSLongitude: "23/1 35/1 0/1" },
  })
  .png()
  .toBuffer();
const otherPhoto = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#2980b9" } })
  .jpeg()
  .toBuffer();
const webp = await sharp({ create: { width: 64, height: 64, channels: 4, background: "#27ae60" } })
  .webp()
  .toBuffer();
const gif = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#8e44ad" } })
  .gif()
  .toBuffer();
const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
/** A PNG signature followed by garbage: the magic bytes alone are not an image. */
const fakePng = Buffer.concat([photoWithGps.subarray(0, 16), Buffer.from("not really a png at all".repeat(20))]);

const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const urlOf = (w: CrmAccessWorld, recordId = w.recordId) => `/api/customers/${w.businessId}/${recordId}/avatar`;
const paramsOf = (w: CrmAccessWorld, recordId = w.recordId) => ({ businessId: w.businessId, customerId: recordId });

function upload(w: CrmAccessWorld, who: Who, form: FormData, recordId = w.recordId) {
  as(w.actors[who]);
  return send(avatarRoute.POST, "POST", urlOf(w, recordId), paramsOf(w, recordId), form);
}

function fetchAvatar(
  w: CrmAccessWorld,
  who: Who,
  query = "",
  headers: Record<string, string> = {},
  recordId = w.recordId,
) {
  as(w.actors[who]);
  return send(avatarRoute.GET, "GET", `${urlOf(w, recordId)}${query}`, paramsOf(w, recordId), undefined, headers);
}

const imageForm = (bytes: Uint8Array | string, name = "me.png", type = "image/png") =>
  fileForm("avatar", bytes, name, type);

async function avatarKeyOf(db: Database, recordId: string) {
  const [row] = await db
    .select({ key: crmCustomers.avatarKey })
    .from(crmCustomers)
    .where(eq(crmCustomers.id, recordId));
  return row!.key;
}

/** What an upload could have written: the stored files, the record's key, its audit rows and events. */
async function footprint(db: Database, recordId: string) {
  const [audit] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "crm_customer"), eq(auditLog.entityId, recordId)));
  const [events] = await db.select({ n: count() }).from(eventOutbox).where(eq(eventOutbox.aggregateId, recordId));
  return { files: filesUnder(dir), key: await avatarKeyOf(db, recordId), audit: audit!.n, events: events!.n };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; reason?: string } }).error;

// ---------------------------------------------------------------------------------------------

describe("uploading an avatar", () => {
  it("stores a re-encoded copy without its EXIF and GPS, points the record at it and publishes the change", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const original = await sharp(photoWithGps).metadata();
      expect(original.exif && hasGpsPointer(original.exif), "the test photo carries GPS").toBe(true);
      expect(photoWithGps.includes(CAMERA)).toBe(true);

      const res = await upload(w, "manager", imageForm(photoWithGps, "holiday.png"));
      const body = await parsedBody(res, avatarDto);
      const key = (await avatarKeyOf(db, w.recordId))!;
      expect(key).toMatch(new RegExp(`^avatars/${w.recordId}/[0-9a-f]{32}\\.webp$`));
      expect(body).toEqual({
        customer_id: w.recordId,
        business_id: w.businessId,
        avatar_url: avatarUrl(w.businessId, w.recordId, key),
        changed: true,
      });

      const stored = (await storage().get(key))!;
      expect(stored.contentType).toBe("image/webp");
      const meta = await sharp(stored.bytes).metadata();
      expect(meta).toMatchObject({ format: "webp", width: 512, height: 512 });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(Buffer.from(stored.bytes).includes(CAMERA)).toBe(false);

      const [event] = await db.select().from(eventOutbox).where(eq(eventOutbox.aggregateId, w.recordId));
      expect(event).toMatchObject({ type: "v1.customer.updated", businessId: w.businessId });
      expect(event!.payload).toMatchObject({
        customer_id: w.recordId,
        fields_changed: ["avatar_url"],
        updated_by: w.users.manager.userId,
      });
      const trail = await db.select().from(auditLog).where(eq(auditLog.entityId, w.recordId));
      expect(trail.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([["avatar_url", null, body.avatar_url]]);
    }));

  it("accepts JPEG and WebP too, whatever their names and declared types say", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const jpeg = await upload(w, "owner", imageForm(otherPhoto, "photo.gif", "application/octet-stream"));
      expect((await parsedBody(jpeg, avatarDto)).changed).toBe(true);
      const small = await upload(w, "owner", imageForm(webp, "no-extension", "text/plain"));
      expect((await parsedBody(small, avatarDto)).changed).toBe(true);
      const meta = await sharp((await storage().get((await avatarKeyOf(db, w.recordId))!))!.bytes).metadata();
      expect(meta).toMatchObject({ format: "webp", width: 64, height: 64 }); // never enlarged
    }));

  it.each([
    ["a text file renamed to .png", imageForm("just some text, honestly", "cat.png", "application/octet-stream")],
    ["text declared as image/png", imageForm("hello, I am a picture", "cat.png", "image/png")],
    ["a PDF renamed to .jpg", imageForm(PDF, "cat.jpg", "image/jpeg")],
    ["an SVG named .png", imageForm(SVG, "cat.png", "image/png")],
    ["a GIF named .png", imageForm(gif, "cat.png", "image/png")],
    ["a PNG signature on garbage", imageForm(fakePng, "cat.png", "image/png")],
    ["an empty file", imageForm(new Uint8Array(0), "cat.png", "image/png")],
  ])("refuses %s with 422 unsupported_image, storing and changing nothing", (_, form) =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const before = await footprint(db, w.recordId);
      const res = await upload(w, "owner", form);
      expect(res.status).toBe(422);
      expect(await errorOf(res)).toMatchObject({ code: "unprocessable", reason: "unsupported_image" });
      expect(await footprint(db, w.recordId)).toEqual(before);
    }),
  );

  it("refuses more than 1 MB with 413, just over or far over, storing and changing nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      await parsedBody(await upload(w, "owner", imageForm(otherPhoto, "me.jpg", "image/jpeg")), avatarDto);
      const before = await footprint(db, w.recordId);
      expect(before.key).not.toBeNull();

      const justOver = Buffer.concat([photoWithGps, Buffer.alloc(MAX_AVATAR_BYTES + 1 - photoWithGps.length)]);
      const noise = await sharp({
        create: {
          width: 900,
          height: 900,
          channels: 3,
          background: "#000",
          noise: { type: "gaussian", mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer();
      expect(noise.length).toBeGreaterThan(MAX_AVATAR_BYTES + 64 * 1024);
      for (const bytes of [justOver, noise]) {
        const res = await upload(w, "owner", imageForm(bytes));
        expect(res.status).toBe(413);
        expect((await errorOf(res)).code).toBe("payload_too_large");
        expect(await footprint(db, w.recordId)).toEqual(before);
      }
    }));

  it("answers 400 with a field error when no file comes, and changes nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const before = await footprint(db, w.recordId);
      const empty = new FormData();
      empty.append("photo", new File([otherPhoto], "me.jpg", { type: "image/jpeg" }));
      const text = new FormData();
      text.append("avatar", "not a file");
      for (const form of [empty, text]) {
        const res = await upload(w, "owner", form);
        expect(res.status).toBe(400);
        expect(Object.keys((await res.json()).error.field_errors)).toEqual(["avatar"]);
      }
      expect(await footprint(db, w.recordId)).toEqual(before);
    }));

  it("replaces the old image: the new key is another URL, the old object is deleted, the same image again changes nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const first = await parsedBody(await upload(w, "owner", imageForm(photoWithGps)), avatarDto);
      const firstKey = (await avatarKeyOf(db, w.recordId))!;
      const second = await parsedBody(await upload(w, "linked", imageForm(otherPhoto, "me.jpg")), avatarDto);
      const secondKey = (await avatarKeyOf(db, w.recordId))!;
      expect(second.avatar_url).not.toBe(first.avatar_url);
      expect(await storage().get(firstKey)).toBeNull();
      expect(await storage().get(secondKey)).not.toBeNull();

      const events = async () =>
        (await db.select({ n: count() }).from(eventOutbox).where(eq(eventOutbox.aggregateId, w.recordId)))[0]!.n;
      expect(await events()).toBe(2);
      const again = await parsedBody(await upload(w, "linked", imageForm(otherPhoto, "again.jpg")), avatarDto);
      expect(again).toMatchObject({ avatar_url: second.avatar_url, changed: false });
      expect(await storage().get(secondKey)).not.toBeNull();
      expect(await events()).toBe(2);
    }));

  it("removes an avatar (DELETE): the record has none, the object is gone, and a second removal changes nothing", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      await parsedBody(await upload(w, "owner", imageForm(otherPhoto)), avatarDto);
      const key = (await avatarKeyOf(db, w.recordId))!;
      as(w.actors.linked);
      const removed = await send(avatarRoute.DELETE, "DELETE", urlOf(w), paramsOf(w));
      expect(await parsedBody(removed, avatarDto)).toMatchObject({ avatar_url: null, changed: true });
      expect(await avatarKeyOf(db, w.recordId)).toBeNull();
      expect(await storage().get(key)).toBeNull();
      const again = await send(avatarRoute.DELETE, "DELETE", urlOf(w), paramsOf(w));
      expect(await parsedBody(again, avatarDto)).toMatchObject({ avatar_url: null, changed: false });
      expect((await fetchAvatar(w, "owner")).status).toBe(404);
    }));
});

describe("who may change an avatar", () => {
  it.each<[Who, number, string?]>([
    ["owner", 200],
    ["admin", 200],
    ["manager", 200],
    ["staff", 403, "insufficient_role"],
    ["linked", 200],
    ["otherCustomer", 404],
    ["foreign", 404],
    ["anonymous", 401],
  ])("%s: %i %s", (who, status, reason) =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const before = await footprint(db, w.recordId);
      const res = await upload(w, who, imageForm(otherPhoto));
      expect(res.status).toBe(status);
      if (status !== 200) {
        if (reason) expect((await errorOf(res)).reason).toBe(reason);
        expect(await footprint(db, w.recordId)).toEqual(before);
      }
    }),
  );

  it("lets the linked customer change their own avatar only: another's record is not found, as is a foreign business", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const before = await footprint(db, w.otherRecordId);
      expect((await upload(w, "linked", imageForm(otherPhoto), w.otherRecordId)).status).toBe(404);
      expect((await upload(w, "linked", imageForm(otherPhoto), w.walkInId)).status).toBe(404);
      expect(await footprint(db, w.otherRecordId)).toEqual(before);
      // A member of another business, naming that business's path with this record: not found either.
      as(w.actors.foreign);
      const url = `/api/customers/${w.foreignBusinessId}/${w.recordId}/avatar`;
      const res = await send(
        avatarRoute.POST,
        "POST",
        url,
        { businessId: w.foreignBusinessId, customerId: w.recordId },
        imageForm(otherPhoto),
      );
      expect(res.status).toBe(404);
    }));

  it("refuses a deleted record: 409 record_deleted for staff, not found for the person", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      await db.update(crmCustomers).set({ deletedAt: new Date() }).where(eq(crmCustomers.id, w.recordId));
      const before = await footprint(db, w.recordId);
      const staff = await upload(w, "owner", imageForm(otherPhoto));
      expect(staff.status).toBe(409);
      expect((await errorOf(staff)).reason).toBe("record_deleted");
      expect((await upload(w, "linked", imageForm(otherPhoto))).status).toBe(404);
      expect(await footprint(db, w.recordId)).toEqual(before);
    }));

  it("limits uploads per user: the 11th within 10 minutes is a 429", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const perUser = POLICIES.avatarUpload.find((limit) => limit.per === "user")!;
      expect(perUser).toMatchObject({ points: 10, duration: 600 });
      for (let i = 0; i < perUser.points; i++) {
        // Charged before the body is read: a form without a file costs as much as an upload.
        expect((await upload(w, "manager", new FormData())).status).toBe(400);
      }
      const res = await upload(w, "manager", imageForm(otherPhoto));
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await avatarKeyOf(db, w.recordId)).toBeNull();
      // Another user is not affected.
      expect((await upload(w, "owner", imageForm(otherPhoto))).status).toBe(200);
    }));
});

describe("serving an avatar", () => {
  it("streams the stored bytes with their type, an ETag, nosniff, and a year's immutable caching for the current version", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      const { avatar_url } = await parsedBody(await upload(w, "owner", imageForm(photoWithGps)), avatarDto);
      const key = (await avatarKeyOf(db, w.recordId))!;
      const stored = (await storage().get(key))!;

      const res = await fetchAvatar(w, "staff", avatar_url!.slice(avatar_url!.indexOf("?")));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const etag = res.headers.get("etag");
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(stored.bytes))).toBe(true);

      const unversioned = await fetchAvatar(w, "linked");
      expect(unversioned.status).toBe(200);
      expect(unversioned.headers.get("cache-control")).toBe(REVALIDATE);
      const stale = await fetchAvatar(w, "owner", "?v=avatars%2Fold.webp");
      expect(stale.headers.get("cache-control")).toBe(REVALIDATE);

      const notModified = await fetchAvatar(w, "manager", "", { "if-none-match": etag! });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("etag")).toBe(etag);
      expect(await notModified.text()).toBe("");
    }));

  it("answers 404 when the record has no avatar, or the reader may not see it; 401 to anonymous callers", () =>
    t.inTransaction(async (db) => {
      const w = await crmAccessWorld(db);
      expect((await fetchAvatar(w, "owner")).status).toBe(404);
      await parsedBody(await upload(w, "owner", imageForm(otherPhoto)), avatarDto);
      // One at a time: the harness's session is one actor at a time.
      const outcomes: Record<string, number> = {};
      for (const who of [
        "owner",
        "admin",
        "manager",
        "staff",
        "linked",
        "otherCustomer",
        "foreign",
        "anonymous",
      ] as const) {
        outcomes[who] = (await fetchAvatar(w, who)).status;
      }
      expect(outcomes).toEqual({
        owner: 200,
        admin: 200,
        manager: 200,
        staff: 200,
        linked: 200,
        otherCustomer: 404,
        foreign: 404,
        anonymous: 401,
      });
      // The other customer's own record has no avatar: 404 for them too, as for anyone.
      expect((await fetchAvatar(w, "otherCustomer", "", {}, w.otherRecordId)).status).toBe(404);
    }));
});
