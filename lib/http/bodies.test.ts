/**
 * The body kinds of route(): uploads (multipart), CSV and signed webhooks, each with its media
 * type and its own size limit, through the real wrapper on this project's real database. The
 * webhook is verified by the real Stripe SDK, with payloads signed by the SDK itself.
 */
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import Stripe from "stripe";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { anonymous } from "@/lib/auth/actor";
import { createUser, userActor } from "@/test/factories";
import { csv, multipart, route, signed } from "./route";

const { as, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);
const account = await createUser(t.db);
const signedIn: Actor = userActor({ userId: account.id, email: "b@example.com" });

beforeEach(() => as(signedIn));

type Init = ConstructorParameters<typeof NextRequest>[1];
const post = (handler: ReturnType<typeof route>, init: Init) =>
  handler(new NextRequest("http://localhost/api/thing", { method: "POST", ...init }), { params: Promise.resolve({}) });

/** A body that arrives in chunks and declares no length, as a chunked upload does. */
function chunked(chunk: string, times: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < times; i++) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; reason?: string } }).error;

describe("multipart bodies (uploads)", () => {
  const avatarForm = z.object({
    caption: z.string().max(50),
    avatar: z.file().max(1_000).mime(["image/png", "image/webp"]),
    tags: z.array(z.string()).optional(),
  });
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const form = (fields: Record<string, string | File | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
    return data;
  };
  const upload = route({ body: multipart(avatarForm, { maxBytes: 4_000 }) }, async ({ body }) => ({
    caption: body.caption,
    tags: body.tags ?? null,
    file: {
      name: body.avatar.name,
      type: body.avatar.type,
      bytes: [...new Uint8Array(await body.avatar.arrayBuffer())],
    },
  }));

  it("hands the handler the form's fields and File objects, validated", async () => {
    const res = await post(upload, {
      body: form({ caption: "Me", avatar: new File([PNG], "me.png", { type: "image/png" }), tags: ["a", "b"] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      caption: "Me",
      tags: ["a", "b"],
      file: { name: "me.png", type: "image/png", bytes: [...PNG] },
    });
  });

  it("answers 400 with field errors when a file breaks the schema", async () => {
    const res = await post(upload, {
      body: form({ caption: "Me", avatar: new File(["GIF89a"], "me.gif", { type: "image/gif" }) }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.field_errors)).toEqual(["avatar"]);
  });

  it("refuses a form over the route's limit with 413 before the handler runs, declared or streamed", async () => {
    const handler = vi.fn();
    const small = route({ body: multipart(avatarForm, { maxBytes: 4_000 }) }, handler);
    const big = form({ caption: "Me", avatar: new File([new Uint8Array(10_000)], "big.png", { type: "image/png" }) });
    const streamed = await post(small, { body: big });
    expect(streamed.status).toBe(413);
    expect((await errorOf(streamed)).code).toBe("payload_too_large");

    const declared = await post(small, {
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "1000000" },
    });
    expect(declared.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 415 to another media type and 400 to a malformed form", async () => {
    const wrong = await post(upload, { body: "{}", headers: { "content-type": "application/json" } });
    expect(wrong.status).toBe(415);
    expect((await errorOf(wrong)).code).toBe("unsupported_media_type");

    const malformed = await post(upload, { body: "no parts here", headers: { "content-type": "multipart/form-data" } });
    expect(malformed.status).toBe(400);
  });
});

describe("CSV bodies", () => {
  const importer = route({ body: csv({ maxBytes: 100 }) }, ({ body }) => ({ text: body }));
  const CSV = "\uFEFFname,email\nZoë,zoe@example.com\n";

  it("hands the handler the text exactly as sent, byte-order mark and all", async () => {
    const res = await post(importer, { body: CSV, headers: { "content-type": "text/csv; charset=utf-8" } });
    expect(res.status).toBe(200);
    expect((await res.json()).text).toBe(CSV);
  });

  it("refuses another media type (415), more than its limit (413) and bytes that are not UTF-8 (400)", async () => {
    const excel = await post(importer, { body: CSV, headers: { "content-type": "application/vnd.ms-excel" } });
    expect(excel.status).toBe(415);
    const big = await post(importer, {
      body: chunked("a,b\n", 40),
      headers: { "content-type": "text/csv" },
      duplex: "half",
    } as Init);
    expect(big.status).toBe(413);
    const latin1 = await post(importer, {
      body: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]), // "Zoë" in Latin-1
      headers: { "content-type": "text/csv" },
    });
    expect(latin1.status).toBe(400);
  });
});

describe("signed bodies (webhooks)", () => {
  const stripe = new Stripe("sk_test_" + randomBytes(12).toString("hex"));
  const SECRET = "whsec_" + randomBytes(24).toString("base64url");
  const verifyStripe = (payload: string, headers: Headers) =>
    stripe.webhooks.constructEvent(payload, headers.get("stripe-signature") ?? "", SECRET);
  const seen = vi.fn();
  const webhook = route({ body: signed("stripe", verifyStripe, { maxBytes: 2_000 }) }, ({ body: event, actor }) => {
    seen(event);
    return { id: event.id, type: event.type, name: (event.data.object as { name?: string }).name, actor };
  });

  // Stripe sends pretty-printed JSON: re-serialising it changes the bytes the signature covers.
  const payload = JSON.stringify(
    { id: "evt_test_1", object: "event", type: "customer.updated", data: { object: { name: "Zoë Ångström" } } },
    null,
    2,
  );
  const sign = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
    stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? SECRET, ...options });
  const deliver = (body: string, headers: Record<string, string>) =>
    post(webhook, { body, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

  beforeEach(() => {
    seen.mockClear();
    as(anonymous); // webhooks are not signed in
  });

  it("passes a validly signed event to the handler, which runs as the signer's system actor", async () => {
    const res = await deliver(payload, { "stripe-signature": sign(payload), "x-request-id": "evt-trace-1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: "evt_test_1",
      type: "customer.updated",
      name: "Zoë Ångström",
      actor: { kind: "system", label: "stripe" },
    });
    expect(res.headers.get("x-request-id")).toBe("evt-trace-1");
  });

  it("reads no session: a signed-in caller's cookie does not make the webhook theirs", async () => {
    as(signedIn);
    const res = await deliver(payload, { "stripe-signature": sign(payload) });
    expect((await res.json()).actor).toEqual({ kind: "system", label: "stripe" });
  });

  type Delivery = () => [body: string, headers: Record<string, string>];
  it.each<[string, Delivery]>([
    ["a re-serialised body", () => [JSON.stringify(JSON.parse(payload)), { "stripe-signature": sign(payload) }]],
    [
      "a signature made with another secret",
      () => [payload, { "stripe-signature": sign(payload, { secret: "whsec_other" }) }],
    ],
    ["no signature header", () => [payload, {}]],
    [
      "a signature older than Stripe's five minutes",
      () => [payload, { "stripe-signature": sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }) }],
    ],
  ])("answers 400 bad_signature to %s, and the handler never runs", async (_, make) => {
    const [body, headers] = make();
    const res = await deliver(body, headers);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "bad_request", reason: "bad_signature" });
    expect(seen).not.toHaveBeenCalled();
  });

  it("refuses a body over its limit with 413 before verifying anything", async () => {
    const big = JSON.stringify({ id: "evt_big", padding: "x".repeat(3_000) });
    const res = await deliver(big, { "stripe-signature": sign(big) });
    expect(res.status).toBe(413);
    expect(seen).not.toHaveBeenCalled();
  });
});
