/**
 * traced(), the shell every API handler answers through: the caller's trace id (or a new one) on
 * every response, errors included, and on responses whose headers cannot be changed. The health
 * check is checked through it, as it is served.
 */
import type * as NextServer from "next/server";
import { describe, expect, it, vi } from "vitest";
import { notFound } from "@/lib/errors";
import { currentTraceId } from "@/lib/observability/context";
import { traced } from "./traced";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
// connection() only says "render at request time" and throws outside Next's request scope.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));
const { GET: health } = await import("@/app/api/health/route");
const noSuchRoute = await import("@/app/api/[...path]/route");
useDatabase((await routeDatabase()).db);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const withId = (id?: string) => new Request("http://localhost/api/x", id ? { headers: { "x-request-id": id } } : {});

describe("traced()", () => {
  it("echoes the caller's x-request-id, and runs the handler under it", async () => {
    const res = await traced(withId("trace-7"), async () => Response.json({ seen: currentTraceId() }));
    expect(res.headers.get("x-request-id")).toBe("trace-7");
    expect(await res.json()).toEqual({ seen: "trace-7" });
    expect((await traced(withId(), async () => new Response("ok"))).headers.get("x-request-id")).toMatch(UUID);
  });

  it("puts the id on error responses and in their body", async () => {
    const res = await traced(withId("trace-8"), async () => {
      throw notFound("That page");
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("trace-8");
    expect((await res.json()).error.trace_id).toBe("trace-8");
  });

  it("copies a response whose headers are immutable, keeping its status, headers and body", async () => {
    const res = await traced(withId("trace-9"), async () => Response.redirect("http://localhost/next", 307));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost/next");
    expect(res.headers.get("x-request-id")).toBe("trace-9");
  });
});

describe("GET /api/health", () => {
  it("echoes x-request-id like every other API response", async () => {
    const res = await health(withId("health-check-1"));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("health-check-1");
    expect((await health(withId())).headers.get("x-request-id")).toMatch(UUID);
  });
});

describe("/api paths no route serves", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)(
    "answer %s with a JSON 404 and the trace id",
    async (method) => {
      const res = await noSuchRoute[method](
        new Request("http://localhost/api/nope", { method, headers: { "x-request-id": "lost-1" } }),
      );
      expect(res.status).toBe(404);
      expect(res.headers.get("x-request-id")).toBe("lost-1");
      expect((await res.json()).error).toMatchObject({ code: "not_found", trace_id: "lost-1" });
    },
  );
});
