import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { connect } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound, rateLimited } from "@/lib/errors";
import { currentTraceId } from "@/lib/observability/context";
import { metrics } from "@/lib/observability/metrics";
import { driver } from "@/test/db";
import { createUser, userActor } from "@/test/factories";
import { created, json, route } from "./route";

// The session is Next's request scope, so it is stubbed; the database is this project's real one.
const { as, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

// A real account, so the write rate limit has a user to key on.
const account = await createUser(t.db);
const signedIn: Actor = userActor({ userId: account.id, email: "a@example.com" });

function call(
  handler: ReturnType<typeof route>,
  {
    method = "GET",
    url = "http://localhost/api/thing",
    params = {},
    body,
    headers = {},
  }: {
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
  as(signedIn);
});

describe("route()", () => {
  it("hands the handler parsed params, query and body, the actor and the db", async () => {
    const handler = vi.fn((ctx) => ({
      params: ctx.params,
      query: ctx.query,
      body: ctx.body,
      actor: ctx.actor.kind,
      db: ctx.db === t.db,
    }));
    const res = await call(route({ params, query, body }, handler), {
      method: "POST",
      url: "http://localhost/api/thing?limit=5",
      params: { id: ID },
      body: JSON.stringify({ name: "Ada" }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      params: { id: ID },
      query: { limit: 5 },
      body: { name: "Ada" },
      actor: "user",
      db: true,
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 401 to anonymous callers before reading any input", async () => {
    as({ kind: "anonymous" });
    const handler = vi.fn();
    const res = await call(route({ params }, handler), { params: { id: "not-a-uuid" } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs public routes for anonymous callers", async () => {
    as({ kind: "anonymous" });
    const res = await call(route({ access: "public" }, ({ actor }) => ({ kind: actor.kind })));
    expect(await res.json()).toEqual({ kind: "anonymous" });
  });

  type CallInput = Parameters<typeof call>[1] & { method?: string };
  it.each<[string, CallInput, string]>([
    ["an invalid path parameter", { params: { id: "nope" } }, "id"],
    ["an invalid query", { params: { id: ID }, url: "http://localhost/api/thing?limit=500" }, "limit"],
    [
      "an invalid body",
      {
        params: { id: ID },
        method: "POST",
        body: JSON.stringify({ name: "" }),
        headers: { "content-type": "application/json" },
      },
      "name",
    ],
  ])("answers 400 with field errors for %s", async (_, request, field) => {
    const res = await call(
      route({ params, query, body: request.method ? body : undefined }, () => ({})),
      request,
    );
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe("bad_request");
    expect(Object.keys(json.error.field_errors)).toEqual([field]);
  });

  it.each([
    ["no JSON content type", { "content-type": "text/plain" }, "{}", 415, "unsupported_media_type"],
    ["no content type at all", {}, "{}", 415, "unsupported_media_type"],
    ["malformed JSON", { "content-type": "application/json" }, "{", 400, "bad_request"],
  ])("answers %s with a clear error", async (_, headers, raw, status, code) => {
    const handler = vi.fn();
    const res = await call(route({ body }, handler), { method: "POST", body: raw, headers });
    expect(res.status).toBe(status);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    expect(error.field_errors).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it("takes a JSON body with a charset parameter", async () => {
    const res = await call(
      route({ body }, ({ body }) => body),
      { method: "POST", body: '{"name":"Zoë"}', headers: { "content-type": "application/json; charset=utf-8" } },
    );
    expect(await res.json()).toEqual({ name: "Zoë" });
  });

  it("maps AppErrors to their status, reason and retry delay", async () => {
    const forbid = await call(
      route({}, () => {
        throw forbidden("insufficient_role", "No.");
      }),
    );
    expect(forbid.status).toBe(403);
    expect((await forbid.json()).error).toMatchObject({
      code: "forbidden",
      message: "No.",
      reason: "insufficient_role",
    });

    expect(
      (
        await call(
          route({}, () => {
            throw conflict("Taken.");
          }),
        )
      ).status,
    ).toBe(409);

    const limited = await call(
      route({}, () => {
        throw rateLimited(2.2);
      }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
  });

  it("turns anything else into a 500 that reveals nothing, with the trace id", async () => {
    const res = await call(
      route({}, () => {
        throw new Error("password=hunter2 at db.internal:5432");
      }),
      {
        headers: { "x-request-id": "trace-123" },
      },
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toMatch(/\bat .+:\d+|route\.test\.ts|Error:/); // no stack, no error name
    expect(JSON.parse(text).error).toMatchObject({ code: "internal", trace_id: "trace-123" });
    expect(res.headers.get("x-request-id")).toBe("trace-123");
  });

  it("passes a Response through and answers null for an empty result", async () => {
    const made = await call(route({}, () => created({ id: 1 })));
    expect(made.status).toBe(201);
    expect(await made.json()).toEqual({ id: 1 });
    expect(await (await call(route({}, () => undefined))).json()).toBeNull();
  });

  it("refuses a body over the limit with 413, declared or streamed, before the handler runs", async () => {
    const handler = vi.fn();
    const small = route({ body: json(body, { maxBytes: 100 }) }, handler);
    const big = JSON.stringify({ name: "x".repeat(200) });
    const declared = await call(small, { method: "POST", body: big, headers: { "content-type": "application/json" } });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("payload_too_large");

    // A chunked body declares no length: the wrapper counts what arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("x".repeat(50)));
        controller.close();
      },
    });
    const req = new NextRequest("http://localhost/api/thing", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const streamed = await small(req, { params: Promise.resolve({}) });
    expect(streamed.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  it("carries the caller's x-request-id through the handler and back, or makes one", async () => {
    const seen = vi.fn(() => ({ trace: currentTraceId() }));
    const res = await call(route({}, seen), { headers: { "x-request-id": "req-42.a" } });
    expect(await res.json()).toEqual({ trace: "req-42.a" });
    expect(res.headers.get("x-request-id")).toBe("req-42.a");

    // Not a sane token (too long, odd characters): replaced, never echoed into logs and rows.
    const odd = await call(route({}, seen), { headers: { "x-request-id": "<script>" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await odd.json()).trace).toBe(odd.headers.get("x-request-id"));
  });

  it("counts every response in the request metrics under its route pattern", async () => {
    const labels = { route: "/api/jobs/{jobId}", method: "GET", status: "404" };
    const before =
      (await metrics.httpRequests.get()).values.find(
        (v) => v.labels.route === labels.route && v.labels.status === "404",
      )?.value ?? 0;
    const res = await call(
      route({}, () => {
        throw notFound("That widget");
      }),
      {
        url: `http://localhost/api/jobs/${ID}`,
      },
    );
    expect(res.status).toBe(404);
    const after = (await metrics.httpRequests.get()).values.find(
      (v) => v.labels.route === labels.route && v.labels.status === "404",
    )?.value;
    expect(after).toBe(before + 1);
  });

  it.skipIf(driver === "pglite")(
    "answers 503 with Retry-After when the statement timeout cuts a query off",
    async () => {
      // PGlite runs in-process and cannot cancel a statement on a timer; pg and neon can.
      const slow = await connect(t.url!, driver, { statementTimeoutMs: 100 });
      try {
        const res = await call(route({}, () => slow.db.execute(sql`select pg_sleep(2)`)));
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect((await res.json()).error.code).toBe("unavailable");
      } finally {
        await slow.close();
      }
    },
  );
});
