/**
 * Strict-Transport-Security: on every response to a request that came over https, as the
 * TRUST_PROXY setting tells (the pages' proxy.ts and the API's route() and traced()), and never over
 * plain http, including when a client merely claims https in X-Forwarded-Proto to a server that
 * trusts no proxy.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { uniqueIp } from "@/test/factories";
import { route } from "./route";
import { STRICT_TRANSPORT_SECURITY } from "./security-headers";
import { traced } from "./traced";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

vi.mock("@/lib/env", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/env")>()),
  authSecret: () => "test-secret",
}));

const cache = globalThis as { __clienteleEnv?: unknown };
function trustProxy(value: string) {
  vi.stubEnv("TRUST_PROXY", value);
  delete cache.__clienteleEnv;
}
afterEach(() => {
  vi.unstubAllEnvs();
  delete cache.__clienteleEnv;
});

const health = route({ access: "public" }, () => ({ ok: true }));
const request = (path: string, proto: string) =>
  new NextRequest(`http://app.example${path}`, {
    headers: { "x-forwarded-proto": proto, "x-forwarded-for": uniqueIp() },
  });

const hstsOf = async (proto: string) => {
  const api = await health(request("/api/thing", proto), { params: Promise.resolve({}) });
  const other = await traced(request("/api/auth/session", proto), async () => Response.json({}));
  const page = await proxy(request("/", proto));
  const redirect = await proxy(request("/home", proto)); // anonymous: sent to /signin
  expect(redirect.status).toBe(307);
  return [api, other, page, redirect].map((res) => res.headers.get("strict-transport-security"));
};

describe("Strict-Transport-Security", () => {
  it("is sent on pages and API responses of a request that came over https through a trusted proxy", async () => {
    trustProxy("1");
    expect(await hstsOf("https")).toEqual(Array(4).fill(STRICT_TRANSPORT_SECURITY));
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
  });

  it("is not sent over plain http", async () => {
    trustProxy("1");
    expect(await hstsOf("http")).toEqual([null, null, null, null]);
  });

  it("is not sent when the client only claims https to a server that trusts no proxy", async () => {
    trustProxy("");
    expect(await hstsOf("https")).toEqual([null, null, null, null]);
  });
});
