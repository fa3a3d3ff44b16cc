import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, rateLimited } from "@/lib/errors";

// The wrapper's collaborators: the session (Next's request scope) and the database.
const state = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => state.actor }));
vi.mock("@/db/client", () => ({ getDb: async () => ({ fake: "db" }) }));

const { route, created } = await import("./route");

const signedIn: Actor = {
  kind: "user",
  userId: "u-1",
  email: "a@example.com",
  name: "A",
  isPlatformAdmin: false,
  customerId: null,
  memberships: [],
  business: null,
};

function call(
  handler: ReturnType<typeof route>,
  { method = "GET", url = "http://localhost/api/thing", params = {}, body, headers = {} }: {
    method?: string;
    url?: string;
    params?: Record<string, string>;
    body?: string;
    headers?: Record<string, string>;
  } = {},
) {
  return handler(new NextRequest(url, { method, body, headers }), { params: Promise.resolve(params) });
}

const params = z.object({ id: z.uuid() });
const query = z.object({ limit: z.coerce.number().int().max(50).default(20) });
const body = z.object({ name: z.string().min(1) });
const ID = "0b7c1f3e-3d2a-4c8e-9a55-1f6d2e3c4b5a";

beforeEach(() => {
  state.actor = signedIn;
});

describe("route()", () => {
  it("hands the handler parsed params, query and body, the actor and the db", async () => {
    const handler = vi.fn((ctx) => ({ params: ctx.params, query: ctx.query, body: ctx.body, actor: ctx.actor.kind, db: ctx.db }));
    const res = await call(route({ params, query, body }, handler), {
      method: "POST",
      url: "http://localhost/api/thing?limit=5",
      params: { id: ID },
      body: JSON.stringify({ name: "Ada" }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ params: { id: ID }, query: { limit: 5 }, body: { name: "Ada" }, actor: "user", db: { fake: "db" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 401 to anonymous callers before reading any input", async () => {
    state.actor = { kind: "anonymous" };
    const handler = vi.fn();
    const res = await call(route({ params }, handler), { params: { id: "not-a-uuid" } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs public routes for anonymous callers", async () => {
    state.actor = { kind: "anonymous" };
    const res = await call(route({ access: "public" }, ({ actor }) => ({ kind: actor.kind })));
    expect(await res.json()).toEqual({ kind: "anonymous" });
  });

  type CallInput = Parameters<typeof call>[1] & { method?: string };
  it.each<[string, CallInput, string]>([
    ["an invalid path parameter", { params: { id: "nope" } }, "id"],
    ["an invalid query", { params: { id: ID }, url: "http://localhost/api/thing?limit=500" }, "limit"],
    [
      "an invalid body",
      { params: { id: ID }, method: "POST", body: JSON.stringify({ name: "" }), headers: { "content-type": "application/json" } },
      "name",
    ],
  ])("answers 400 with field errors for %s", async (_, request, field) => {
    const res = await call(route({ params, query, body: request.method ? body : undefined }, () => ({})), request);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe("bad_request");
    expect(Object.keys(json.error.field_errors)).toEqual([field]);
  });

  it.each([
    ["no JSON content type", { "content-type": "text/plain" }, "{}"],
    ["malformed JSON", { "content-type": "application/json" }, "{"],
  ])("answers 400 for %s", async (_, headers, raw) => {
    const res = await call(route({ body }, () => ({})), { method: "POST", body: raw, headers });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field_errors).toBeUndefined();
  });

  it("maps AppErrors to their status, reason and retry delay", async () => {
    const forbid = await call(route({}, () => { throw forbidden("insufficient_role", "No."); }));
    expect(forbid.status).toBe(403);
    expect((await forbid.json()).error).toMatchObject({ code: "forbidden", message: "No.", reason: "insufficient_role" });

    expect((await call(route({}, () => { throw conflict("Taken."); }))).status).toBe(409);

    const limited = await call(route({}, () => { throw rateLimited(2.2); }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
  });

  it("turns anything else into a 500 that reveals nothing, with the trace id", async () => {
    const res = await call(route({}, () => { throw new Error("password=hunter2 at db.internal:5432"); }), {
      headers: { "x-request-id": "trace-123" },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).error).toMatchObject({ code: "internal", trace_id: "trace-123" });
    expect(res.headers.get("x-request-id")).toBe("trace-123");
  });

  it("passes a Response through and answers null for an empty result", async () => {
    const made = await call(route({}, () => created({ id: 1 })));
    expect(made.status).toBe(201);
    expect(await made.json()).toEqual({ id: 1 });
    expect(await (await call(route({}, () => undefined))).json()).toBeNull();
  });
});
