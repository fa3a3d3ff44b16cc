/**
 * Cross-site request forgery and links built from headers, through the real route wrapper on the
 * real database: a change sent from another site's page is refused before the session is read; a
 * JSON route reads only application/json; an invitation link points at PUBLIC_URL whatever
 * X-Forwarded-Host the caller sends.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as staffRoute from "@/app/api/businesses/[businessId]/staff/route";
import { resolveActor } from "@/lib/auth/resolve-actor";
import type { UserActor } from "@/lib/auth/actor";
import { addMember, createBusiness, createUser, uniqueIp, userActor } from "@/test/factories";
import { route, signed } from "./route";

const { as, routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

const cache = globalThis as { __clienteleEnv?: unknown };
function setEnv(name: string, value: string) {
  vi.stubEnv(name, value);
  delete cache.__clienteleEnv;
}
afterEach(() => {
  vi.unstubAllEnvs();
  delete cache.__clienteleEnv;
});

const handler = vi.fn(({ body }: { body?: unknown }) => ({ ok: true, body: body ?? null }));
const change = route({ body: z.object({ name: z.string() }) }, handler);
const noBody = route({}, handler);

type Init = { method?: string; headers?: Record<string, string>; body?: string };
const call = (wrapped: ReturnType<typeof route>, { method = "POST", headers = {}, body }: Init = {}) =>
  wrapped(
    new NextRequest("http://app.clientele.test/api/things", {
      method,
      headers: { host: "app.clientele.test", "x-forwarded-for": uniqueIp(), ...headers },
      ...(body !== undefined && { body }),
    }),
    { params: Promise.resolve({}) },
  );
const json = { "content-type": "application/json" };
const body = JSON.stringify({ name: "Ann" });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; reason?: string } }).error;

describe("JSON bodies", () => {
  it.each([
    ["text/plain; application/json", 415],
    ["text/plain", 415],
    ["application/json, text/plain", 415],
    ["application/jsonp", 415],
    ["application/json", 200],
    ["application/json; charset=utf-8", 200],
    ["Application/JSON;charset=UTF-8", 200],
  ])("Content-Type %s → %i", async (contentType, status) => {
    as(userActor());
    const res = await call(change, { headers: { "content-type": contentType }, body });
    expect(res.status).toBe(status);
    if (status === 415) expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });
});

describe("a change from another site (CSRF)", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "%s with a foreign Origin is a 403 cross_origin before anything runs",
    async (method) => {
      as(userActor());
      handler.mockClear();
      for (const origin of ["https://evil.example", "null", "http://app.clientele.test.evil.example"]) {
        const res = await call(method === "DELETE" ? noBody : change, {
          method,
          headers: { ...json, origin },
          ...(method !== "DELETE" && { body }),
        });
        expect(res.status, origin).toBe(403);
        expect(await errorOf(res)).toMatchObject({ code: "forbidden", reason: "cross_origin" });
      }
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it("lets through our own Origin, PUBLIC_URL's, no Origin at all (curl, servers) and reads from anywhere", async () => {
    as(userActor());
    expect((await call(change, { headers: { ...json, origin: "http://app.clientele.test" }, body })).status).toBe(200);
    expect((await call(change, { headers: json, body })).status).toBe(200);
    expect((await call(noBody, { method: "GET", headers: { origin: "https://evil.example" } })).status).toBe(200);
    setEnv("PUBLIC_URL", "https://clientele.example");
    expect((await call(change, { headers: { ...json, origin: "https://clientele.example" }, body })).status).toBe(200);
  });

  it("trusts X-Forwarded-Host only behind a trusted proxy", async () => {
    as(userActor());
    const spoofed = { ...json, origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    setEnv("TRUST_PROXY", "");
    expect((await call(change, { headers: spoofed, body })).status).toBe(403);
    setEnv("TRUST_PROXY", "1");
    const proxied = {
      ...json,
      origin: "https://app.example",
      "x-forwarded-host": "app.example",
      host: "127.0.0.1:3000",
    };
    expect((await call(change, { headers: proxied, body })).status).toBe(200);
  });

  it("does not apply to signed webhooks, whose signature is their credentials", async () => {
    const webhook = route({ body: signed("stripe", (payload) => payload) }, ({ body }) => ({ got: body }));
    const res = await call(webhook, { headers: { origin: "https://evil.example" }, body: "{}" });
    expect(res.status).toBe(200);
  });
});

describe("invitation links", () => {
  it("are built on PUBLIC_URL (default http://localhost:3000), whatever Host or X-Forwarded-Host says", () =>
    t.inTransaction(async (db) => {
      const businessId = (await createBusiness(db, { name: "Link Shop" })).id;
      const owner = await createUser(db);
      await addMember(db, businessId, owner.id, "owner");
      as((await resolveActor(db, owner.id, { businessId })) as UserActor);
      const invite = (headers: Record<string, string>) =>
        staffRoute.POST(
          new NextRequest(`http://evil.example/api/businesses/${businessId}/staff`, {
            method: "POST",
            headers: { ...json, "x-forwarded-for": uniqueIp(), host: "evil.example", ...headers },
            body: JSON.stringify({ email: `new-${crypto.randomUUID()}@example.test`, role: "staff" }),
          }),
          { params: Promise.resolve({ businessId }) },
        );
      const spoof = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

      const byDefault = await invite(spoof);
      expect(byDefault.status).toBe(201);
      expect((await byDefault.json()).invitation_url).toMatch(/^http:\/\/localhost:3000\/invite\//);

      setEnv("PUBLIC_URL", "https://app.clientele.example");
      const configured = await invite(spoof);
      expect((await configured.json()).invitation_url).toMatch(/^https:\/\/app\.clientele\.example\/invite\//);
    }));
});
