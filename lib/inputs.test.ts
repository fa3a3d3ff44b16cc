/**
 * The input rules (lib/inputs.ts, lib/http/keyset.ts), and the regressions of issue 11 through the
 * real route wrapper and database: each attack that used to reach Postgres as a 500 (an impossible
 * date in a cursor, a NUL byte or a lone surrogate in free text, %00 in the audit query) now gets a
 * 400 with a field error and writes nothing; an upper-case path id is stored in lower case, so the
 * change shows in the record's one history; a job's category must be one of the listed ones.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import * as audit from "@/app/api/audit/route";
import * as moderate from "@/app/api/admin/reviews/[reviewId]/route";
import * as moderation from "@/app/api/admin/reviews/route";
import * as customerJobs from "@/app/api/customer/jobs/route";
import * as views from "@/app/api/customer/profile/views/route";
import * as applications from "@/app/api/jobs/[jobId]/applications/route";
import * as cancel from "@/app/api/jobs/[jobId]/cancel/route";
import * as dispute from "@/app/api/jobs/[jobId]/reviews/[reviewId]/dispute/route";
import * as messages from "@/app/api/jobs/[jobId]/messages/route";
import * as jobs from "@/app/api/jobs/route";
import * as providerReviews from "@/app/api/provider/customers/[customerId]/reviews/route";
import * as providerJobs from "@/app/api/provider/jobs/route";
import * as register from "@/app/api/register/route";
import type { Database } from "@/db/client";
import { upperCaseIdsWritten } from "@/test/db";
import { isMicrosInstant } from "@/lib/http/keyset";
import { entityRef, id, NUL_MESSAGE, plainText, SURROGATE_MESSAGE, text } from "@/lib/inputs";
import { JOB_CATEGORIES } from "@/lib/marketplace/jobs/categories";
import { postJobInput } from "@/lib/marketplace/jobs/inputs";
import { completeJob } from "@/lib/marketplace/jobs/mutations";
import { disputeReview, reviewCustomer } from "@/lib/marketplace/reviews/mutations";
import { openApiDocument } from "@/lib/openapi/document";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { bookedJob, newAdmin, newCustomer, newProvider, writtenInTransaction } from "@/test/fixtures/marketplace";
import { uniqueIp } from "@/test/factories";

const { as, callRoute, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

type Handler = Parameters<typeof callRoute>[0];
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const IMPOSSIBLE = ["2026-99-99T99:99:99.000000Z", "2026-02-30T00:00:00.000000Z", "0000-01-01T00:00:00.000000Z"];

describe("the input schemas", () => {
  it.each([
    ["2026-12-04T10:00:00.123456Z", true],
    ["2024-02-29T23:59:59.999999Z", true],
    ["0001-01-01T00:00:00.000000Z", true],
    ["9999-12-31T23:59:59.999999Z", true],
    ["2026-99-99T99:99:99.000000Z", false],
    ["2026-02-30T00:00:00.000000Z", false],
    ["2025-02-29T00:00:00.000000Z", false],
    ["2100-02-29T00:00:00.000000Z", false],
    ["0000-01-01T00:00:00.000000Z", false],
    ["2026-13-01T00:00:00.000000Z", false],
    ["2026-04-31T00:00:00.000000Z", false],
    ["2026-12-04T24:00:00.000000Z", false],
    ["2026-12-04T23:60:00.000000Z", false],
    ["2026-12-04T23:59:60.000000Z", false],
    ["2026-12-04T10:00:00.123Z", false],
  ])("a cursor time %s is an instant: %s", (value, ok) => {
    expect(isMicrosInstant(value)).toBe(ok);
  });

  it("free text refuses a NUL and a lone surrogate, and keeps emoji and other scripts", () => {
    const schema = text(50, "Write something.");
    const errorsOf = (value: string) => schema.safeParse(value).error?.issues.map((i) => i.message);
    expect(errorsOf("a\u0000b")).toEqual([NUL_MESSAGE]);
    expect(errorsOf("x\ud800")).toEqual([SURROGATE_MESSAGE]);
    expect(errorsOf("\udc00")).toEqual([SURROGATE_MESSAGE]);
    expect(errorsOf("   ")).toEqual(["Write something."]);
    expect(schema.parse("  👩‍🔧 Ça marche, 東京  ")).toBe("👩‍🔧 Ça marche, 東京");
    expect(plainText(10).parse("")).toBe("");
  });

  it("ids are UUIDs lower-cased where they are parsed; an audit entity id too when it is one", () => {
    const uuid = randomUUID();
    expect(id().parse(uuid.toUpperCase())).toBe(uuid);
    expect(id().safeParse("not-an-id").success).toBe(false);
    expect(entityRef(200).parse(uuid.toUpperCase())).toBe(uuid);
    expect(entityRef(200).parse("evt_ABC")).toBe("evt_ABC");
    expect(entityRef(200).safeParse("\u0000").success).toBe(false);
  });

  it("a job's category is one of the listed ones, and the document shows the list", () => {
    const job = { title: "Paint", description: "One wall." };
    expect(postJobInput.safeParse({ ...job, category: "Painting" }).success).toBe(true);
    for (const category of ["painting", "Rocket science", "", "Painting\u0000"]) {
      expect(postJobInput.safeParse({ ...job, category }).error?.issues[0]?.path).toEqual(["category"]);
    }
    const body = openApiDocument().paths?.["/api/jobs"]?.post?.requestBody as {
      content: Record<string, { schema: { properties?: Record<string, { enum?: string[] }>; $ref?: string } }>;
    };
    const schema = body.content["application/json"]!.schema;
    const resolved = schema.$ref
      ? (openApiDocument().components?.schemas?.[schema.$ref.split("/").pop()!] as typeof schema)
      : schema;
    expect(resolved.properties?.category?.enum).toEqual([...JOB_CATEGORIES]);
  });
});

async function world(db: Database) {
  const cara = await newCustomer(db);
  const a = await newProvider(db);
  const admin = await newAdmin(db);
  const job = { title: "Paint", category: "Painting" as const, description: "One wall." };
  const booked = await bookedJob(db, cara, a, job);
  const done = await bookedJob(db, cara, a, job);
  await completeJob(db, cara.actor, done.jobId);
  const { review_id: reviewId } = await reviewCustomer(db, a.actor, done.jobId, { rating: 2, comment: "Late" });
  await disputeReview(db, cara.actor, done.jobId, reviewId, { reason: "Untrue" });
  await getProviderProfile(db, a.actor, cara.customerId, uniqueIp());
  return { cara, a, admin, booked, done, reviewId };
}

describe("issue 11 regressions: refused with a 400 that names the field, nothing written", () => {
  it("an impossible date in a cursor, on every keyset list and the audit trail", () =>
    t.inTransaction(async (db) => {
      const { cara, a, admin, booked } = await world(db);
      const lists: {
        handler: Handler;
        url: string;
        params?: Record<string, string>;
        actor: typeof admin;
        key?: string;
        cursor: (t: string) => object;
      }[] = [
        { handler: jobs.GET, url: "/api/jobs", actor: a.actor, cursor: (t: string) => ({ l: "open", t }) },
        {
          handler: providerJobs.GET,
          url: "/api/provider/jobs",
          actor: a.actor,
          cursor: (t: string) => ({ l: "mine", t }),
        },
        { handler: customerJobs.GET, url: "/api/customer/jobs", actor: cara.actor, cursor: (t: string) => ({ t }) },
        {
          handler: views.GET,
          url: "/api/customer/profile/views",
          actor: cara.actor,
          cursor: (t: string) => ({ o: "views", t }),
        },
        {
          handler: moderation.GET,
          url: "/api/admin/reviews",
          actor: admin,
          cursor: (t: string) => ({ o: "disputed", t }),
        },
        {
          handler: providerReviews.GET,
          url: `/api/provider/customers/${cara.customerId}/reviews`,
          params: { customerId: cara.customerId },
          actor: a.actor,
          cursor: (t: string) => ({ o: "recent", t }),
        },
        {
          handler: messages.GET,
          url: `/api/jobs/${booked.jobId}/messages?provider_business_id=${a.businessId}`,
          params: { jobId: booked.jobId },
          actor: cara.actor,
          key: "before",
          cursor: (t: string) => ({ p: a.businessId, t }),
        },
      ];
      for (const time of IMPOSSIBLE) {
        for (const list of lists) {
          const key = list.key ?? "cursor";
          const cursor = b64(JSON.stringify({ ...list.cursor(time), i: randomUUID() }));
          as(list.actor);
          const before = await writtenInTransaction(db);
          const url = `${list.url}${list.url.includes("?") ? "&" : "?"}${key}=${cursor}`;
          const response = await callRoute(list.handler, "GET", url, list.params ?? {});
          const body = await response.json();
          expect(response.status, `${list.url} ${time}: ${JSON.stringify(body)}`).toBe(400);
          expect(Object.keys(body.error.field_errors ?? {}), list.url).toEqual([key]);
          expect(await writtenInTransaction(db)).toEqual(before);
        }
        as(admin);
        const response = await callRoute(
          audit.GET,
          "GET",
          `/api/audit?entity_type=job&cursor=${b64(`${time}|12`)}`,
          {},
        );
        expect(response.status, time).toBe(400);
        expect((await response.json()).error.field_errors).toHaveProperty("cursor");
      }
    }));

  it("a NUL byte or a lone surrogate in free text, and %00 in the audit query", () =>
    t.inTransaction(async (db) => {
      const { cara, a, admin, done, reviewId } = await world(db);
      const open = { title: "Hang a door", category: "Handyman", description: "Interior." };
      const attacks: {
        actor: typeof admin;
        handler: Handler;
        url: string;
        params: Record<string, string>;
        body: object;
        field: string;
      }[] = [
        {
          actor: cara.actor,
          handler: jobs.POST,
          url: "/api/jobs",
          params: {},
          body: { ...open, title: "Door\u0000" },
          field: "title",
        },
        {
          actor: cara.actor,
          handler: jobs.POST,
          url: "/api/jobs",
          params: {},
          body: { ...open, description: "\ud800" },
          field: "description",
        },
        {
          actor: cara.actor,
          handler: jobs.POST,
          url: "/api/jobs",
          params: {},
          body: { ...open, category: "Handyman\udfff" },
          field: "category",
        },
        {
          actor: cara.actor,
          handler: dispute.POST,
          url: `/api/jobs/${done.jobId}/reviews/${reviewId}/dispute`,
          params: { jobId: done.jobId, reviewId },
          body: { reason: "I\u0000I" },
          field: "reason",
        },
        {
          actor: a.actor,
          handler: messages.POST,
          url: `/api/jobs/${done.jobId}/messages`,
          params: { jobId: done.jobId },
          body: { body: "x\udc00y" },
          field: "body",
        },
        {
          actor: a.actor,
          handler: applications.POST,
          url: `/api/jobs/${done.jobId}/applications`,
          params: { jobId: done.jobId },
          body: { message: "\u0000" },
          field: "message",
        },
        {
          actor: cara.actor,
          handler: register.POST,
          url: "/api/register",
          params: {},
          body: { email: "nul@example.test", password: "correct horse battery", name: "Nu\u0000ll", role: "customer" },
          field: "name",
        },
      ];
      for (const attack of attacks) {
        as(attack.actor);
        const before = await writtenInTransaction(db);
        const response = await callRoute(
          attack.handler,
          "POST",
          attack.url,
          attack.params,
          JSON.stringify(attack.body),
        );
        const body = await response.json();
        expect(response.status, `${attack.url}: ${JSON.stringify(body)}`).toBe(400);
        expect(Object.keys(body.error.field_errors), attack.url).toEqual([attack.field]);
        expect(await writtenInTransaction(db)).toEqual(before);
      }
      as(admin);
      const response = await callRoute(audit.GET, "GET", "/api/audit?entity_type=job&entity_id=%00", {});
      const body = await response.json();
      expect(response.status).toBe(400);
      expect(body.error.field_errors.entity_id).toEqual([NUL_MESSAGE]);
    }));

  it("an upper-case path id is stored in lower case, and the change shows in the record's history", () =>
    t.inTransaction(async (db) => {
      const { cara, admin, booked, reviewId } = await world(db);

      as(admin);
      const upperReview = reviewId.toUpperCase();
      const hidden = await callRoute(
        moderate.PATCH,
        "PATCH",
        `/api/admin/reviews/${upperReview}`,
        { reviewId: upperReview },
        {
          is_visible: false,
        },
      );
      expect(hidden.status).toBe(200);
      expect((await hidden.json()).review_id).toBe(reviewId);

      as(cara.actor);
      const upperJob = booked.jobId.toUpperCase();
      const cancelled = await callRoute(cancel.POST, "POST", `/api/jobs/${upperJob}/cancel`, { jobId: upperJob });
      expect(cancelled.status).toBe(200);
      expect(await upperCaseIdsWritten(db)).toBe(0);

      as(admin);
      for (const entityId of [booked.jobId, upperJob]) {
        const history = await callRoute(audit.GET, "GET", `/api/audit?entity_type=job&entity_id=${entityId}`, {});
        const page = (await history.json()) as {
          items: { entity: { id: string }; field: string | null; new_value: unknown }[];
        };
        expect(history.status).toBe(200);
        expect(page.items.every((item) => item.entity.id === booked.jobId)).toBe(true);
        expect(
          page.items.some((item) => item.field === "status" && item.new_value === "cancelled"),
          JSON.stringify(page),
        ).toBe(true);
      }
      const reviewHistory = await callRoute(
        audit.GET,
        "GET",
        `/api/audit?entity_type=customer_review&entity_id=${reviewId}`,
        {},
      );
      const reviewPage = (await reviewHistory.json()) as { items: { field: string | null }[] };
      expect(
        reviewPage.items.some((item) => item.field === "isVisible"),
        JSON.stringify(reviewPage),
      ).toBe(true);
    }));

  it("a category that is not one of the listed ones", () =>
    t.inTransaction(async (db) => {
      const { cara } = await world(db);
      as(cara.actor);
      for (const category of ["Rocket science", "painting", " Painting x", ""]) {
        const before = await writtenInTransaction(db);
        const response = await callRoute(
          jobs.POST,
          "POST",
          "/api/jobs",
          {},
          {
            title: "Paint",
            category,
            description: "One wall.",
          },
        );
        const body = await response.json();
        expect(response.status, category).toBe(400);
        expect(body.error.field_errors.category).toEqual(["Choose one of the marketplace's job categories."]);
        expect(await writtenInTransaction(db)).toEqual(before);
      }
    }));
});
