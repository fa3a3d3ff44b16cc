/**
 * The customer directory through its real routes and database: the list's filters and sorts, keyset
 * pages that cover every record exactly once (ties, never-purchased records, records added while
 * paging), the search's matches and ranking with where each match is, the repeat customers, and
 * who may look. Records are inserted as rows (creating them is another concept's route); only the
 * session is stubbed, and each test's transaction is rolled back.
 */
import { describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/customers/[businessId]/route";
import * as repeatRoute from "@/app/api/customers/[businessId]/repeat/route";
import * as searchRoute from "@/app/api/customers/[businessId]/search/route";
import type { Database } from "@/db/client";
import { crmCustomerTags, crmCustomers, crmTags } from "@/db/schema";
import { anonymous, type UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { addMember, createBusiness, createUser } from "@/test/factories";
import { customerPageDto, customerSearchPageDto, type CustomerSearchItemDto, type CustomerSummaryDto } from "./dto";
import { WALK_READS_AT_MOST } from "./search";

const { as, callRoute, parsedBody, routeDatabase, walkPages } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();

type RecordValues = Partial<typeof crmCustomers.$inferInsert> & { fullName: string };

async function staffOf(db: Database, businessId: string, role: "owner" | "staff") {
  const user = await createUser(db);
  await addMember(db, businessId, user.id, role);
  return (await resolveActor(db, user.id, { businessId })) as UserActor;
}

/** Business A with its owner and a staff member, and business B with a record of its own. */
async function world(db: Database) {
  const a = await createBusiness(db, { currency: "USD" });
  const b = await createBusiness(db, { currency: "EUR" });
  const owner = await staffOf(db, a.id, "owner");
  const staff = await staffOf(db, a.id, "staff");
  const outsider = await staffOf(db, b.id, "owner");
  const add = async (businessId: string, values: RecordValues) => {
    const [row] = await db
      .insert(crmCustomers)
      .values({ businessId, ...values })
      .returning();
    return row!;
  };
  return { a, b, owner, staff, outsider, add: (v: RecordValues) => add(a.id, v), addTo: add };
}

const day = (n: number) => new Date(Date.UTC(2030, 0, 1 + n));

const list = async (businessId: string, query = "", status = 200) =>
  parsedBody(
    await callRoute(listRoute.GET, "GET", `/api/customers/${businessId}${query}`, { businessId }),
    customerPageDto,
    status,
  );
const search = async (businessId: string, q: string, extra = "") =>
  parsedBody(
    await callRoute(searchRoute.GET, "GET", `/api/customers/${businessId}/search?q=${encodeURIComponent(q)}${extra}`, {
      businessId,
    }),
    customerSearchPageDto,
  );
const repeat = async (businessId: string, query = "") =>
  parsedBody(
    await callRoute(repeatRoute.GET, "GET", `/api/customers/${businessId}/repeat${query}`, { businessId }),
    customerPageDto,
  );
const names = (customers: { full_name: string }[]) => customers.map((c) => c.full_name);

/** Every page of the list with `query` (limit and cursor added), in order. */
async function allPages(businessId: string, query: string, limit: number) {
  const seen: CustomerSummaryDto[] = [];
  for await (const page of walkPages((cursor) =>
    list(businessId, `?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`),
  )) {
    expect(page.customers.length).toBeLessThanOrEqual(limit);
    seen.push(...page.customers);
  }
  return seen;
}

describe("GET /api/customers/{businessId}", () => {
  it("lists the business's live records with their tags and figures, newest first, and nothing of another business", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      const ana = await w.add({
        fullName: "Ana Popescu",
        email: "ana@example.test",
        phone: "+40 721 555 123",
        customerType: "vip",
        purchaseCount: 3,
        totalSpentMinor: 12_345,
        lastPurchaseAt: day(5),
        avatarKey: "avatars/ana-1.webp",
        createdAt: day(2),
      });
      await w.add({ fullName: "Bogdan Ionescu", createdAt: day(1) });
      await w.addTo(w.b.id, { fullName: "Ana Elsewhere", createdAt: day(3) });
      const [vip] = await db.insert(crmTags).values({ businessId: w.a.id, name: "VIP", color: "gold" }).returning();
      const [early] = await db.insert(crmTags).values({ businessId: w.a.id, name: "early bird" }).returning();
      await db.insert(crmCustomerTags).values([
        { businessId: w.a.id, crmCustomerId: ana.id, tagId: vip!.id },
        { businessId: w.a.id, crmCustomerId: ana.id, tagId: early!.id },
      ]);

      as(w.staff);
      const page = await list(w.a.id);
      expect(names(page.customers)).toEqual(["Ana Popescu", "Bogdan Ionescu"]);
      expect(page.customers[0]).toEqual({
        id: ana.id,
        full_name: "Ana Popescu",
        name: "Ana Popescu",
        email: "ana@example.test",
        phone: "+40 721 555 123",
        customer_type: "vip",
        is_active: true,
        avatar_url: `/api/customers/${w.a.id}/${ana.id}/avatar?v=avatars%2Fana-1.webp`,
        tags: [
          { id: early!.id, label: "early bird", color: "slate" },
          { id: vip!.id, label: "VIP", color: "gold" },
        ],
        total_purchases: 3,
        total_spent_minor: 12_345,
        total_spent: 123.45,
        currency: "USD",
        last_purchase_at: day(5).toISOString(),
        repeat_frequency: "occasional",
        created_at: day(2).toISOString(),
      });
      expect(page.customers[1]).toMatchObject({ avatar_url: null, tags: [], repeat_frequency: null });
      expect(page.pagination).toEqual({ has_more: false, next_cursor: null, limit: 25 });
    }));

  it("filters by customer type, tag, loyalty tier and repeat, and shows soft-deleted records only with active=false", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      const rows = [
        { fullName: "Walk In Never", customerType: "walk_in", purchaseCount: 0 },
        { fullName: "One Timer", customerType: "regular", purchaseCount: 1 },
        { fullName: "Occasional Olga", customerType: "regular", purchaseCount: 4 },
        { fullName: "Regular Radu", customerType: "vip", purchaseCount: 5 },
        { fullName: "Frequent Flo", customerType: "wholesale", purchaseCount: 12 },
        { fullName: "Deleted Dan", customerType: "regular", purchaseCount: 2, deletedAt: day(9) },
      ] as const;
      const ids: Record<string, string> = {};
      for (const r of rows) ids[r.fullName] = (await w.add({ ...r })).id;
      const [tag] = await db.insert(crmTags).values({ businessId: w.a.id, name: "Neighbour" }).returning();
      for (const who of ["One Timer", "Frequent Flo", "Deleted Dan"])
        await db.insert(crmCustomerTags).values({ businessId: w.a.id, crmCustomerId: ids[who]!, tagId: tag!.id });

      as(w.owner);
      const found = async (query: string) => names((await list(w.a.id, `?sort=name&${query}`)).customers);
      expect(await found("customer_type=regular")).toEqual(["Occasional Olga", "One Timer"]);
      expect(await found(`tag=${tag!.id}`)).toEqual(["Frequent Flo", "One Timer"]);
      expect(await found("tier=one_time")).toEqual(["One Timer"]);
      expect(await found("tier=occasional")).toEqual(["Occasional Olga"]);
      expect(await found("tier=regular")).toEqual(["Regular Radu"]);
      expect(await found("tier=frequent")).toEqual(["Frequent Flo"]);
      expect(await found("repeat=true")).toEqual(["Frequent Flo", "Occasional Olga", "Regular Radu"]);
      expect(await found("repeat=false")).toEqual(["One Timer", "Walk In Never"]);
      expect(await found("")).not.toContain("Deleted Dan");
      const deleted = await list(w.a.id, "?active=false");
      expect(deleted.customers.map((c) => [c.full_name, c.is_active])).toEqual([["Deleted Dan", false]]);
      expect(await found(`active=false&tag=${tag!.id}`)).toEqual(["Deleted Dan"]);
    }));

  it("orders by every sort both ways, with ties and never-purchased records, and its pages cover every record once", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      // Ties on every key: equal names, one created_at, equal totals; and never-purchased records.
      const made: (typeof crmCustomers.$inferSelect)[] = [];
      for (let i = 0; i < 17; i++) {
        made.push(
          await w.add({
            fullName: ["ana", "Ana", "Bogdan", "Zed", "émile"][i % 5]!,
            createdAt: day(i % 3),
            totalSpentMinor: (i % 4) * 1000,
            purchaseCount: i % 4,
            lastPurchaseAt: i % 3 === 0 ? null : day(10 + (i % 2)),
          }),
        );
      }
      await w.add({ fullName: "Gone", deletedAt: day(1) });
      as(w.staff);

      const byte = (s: string) => Buffer.from(s.toLowerCase());
      const cmp = (x: number | string | Buffer, y: number | string | Buffer) =>
        Buffer.isBuffer(x) && Buffer.isBuffer(y) ? Buffer.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
      const keyOf = {
        name: (r: (typeof made)[number]) => byte(r.fullName),
        created: (r: (typeof made)[number]) => r.createdAt.getTime(),
        last_purchase: (r: (typeof made)[number]) => r.lastPurchaseAt?.getTime() ?? -Infinity,
        total_spent: (r: (typeof made)[number]) => r.totalSpentMinor,
      };
      for (const sort of ["name", "created", "last_purchase", "total_spent"] as const) {
        for (const direction of ["asc", "desc"] as const) {
          const expected = [...made]
            .sort((x, y) => cmp(keyOf[sort](x), keyOf[sort](y)) || cmp(x.id, y.id))
            .map((r) => r.id);
          if (direction === "desc") expected.reverse();
          for (const limit of [1, 4, 17]) {
            const seen = await allPages(w.a.id, `sort=${sort}&direction=${direction}`, limit);
            expect(
              seen.map((c) => c.id),
              `${sort} ${direction} by ${limit}`,
            ).toEqual(expected);
          }
        }
      }
      // Defaults: newest first; names A-Z; never-purchased last when the latest purchase comes first.
      expect((await list(w.a.id)).customers[0]!.created_at).toBe(day(2).toISOString());
      expect(names((await list(w.a.id, "?sort=name&limit=2")).customers).map((n) => n.toLowerCase())).toEqual([
        "ana",
        "ana",
      ]);
      const lastPurchase = (await allPages(w.a.id, "sort=last_purchase", 5)).map((c) => c.last_purchase_at);
      expect(lastPurchase.slice(-6)).toEqual(Array(6).fill(null));
    }));

  it("never skips or repeats a record when records are added between pages", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      const before = new Set<string>();
      for (let i = 0; i < 12; i++)
        before.add((await w.add({ fullName: `Person ${String(i).padStart(2, "0")}`, createdAt: day(i) })).id);
      as(w.owner);
      for (const sort of ["name", "created"] as const) {
        const seen: string[] = [];
        let n = 0;
        for await (const page of walkPages((cursor) =>
          list(w.a.id, `?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`),
        )) {
          seen.push(...page.customers.map((c) => c.id));
          // Someone adds records meanwhile, at both ends of the order.
          await w.add({ fullName: `Aaron ${sort} ${n}`, createdAt: day(-1 - n) });
          await w.add({ fullName: `Zora ${sort} ${n++}`, createdAt: day(100 + n) });
        }
        const original = seen.filter((id) => before.has(id));
        expect(original.length, sort).toBe(before.size);
        expect(new Set(seen).size, sort).toBe(seen.length);
      }
    }));

  it("refuses bad parameters with field errors, a foreign business with 404 and anonymous callers with 401", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      as(w.owner);
      const bad = async (query: string) => {
        const response = await callRoute(listRoute.GET, "GET", `/api/customers/${w.a.id}${query}`, {
          businessId: w.a.id,
        });
        expect(response.status, query).toBe(400);
        return Object.keys(((await response.json()) as { error: { field_errors: object } }).error.field_errors);
      };
      expect(await bad("?limit=0")).toEqual(["limit"]);
      expect(await bad("?limit=101")).toEqual(["limit"]);
      expect(await bad("?sort=age&direction=up")).toEqual(["sort", "direction"]);
      expect(await bad("?tier=gold&active=maybe&repeat=1&customer_type=alien&tag=x")).toEqual(
        expect.arrayContaining(["tier", "active", "repeat", "customer_type", "tag"]),
      );
      expect(await bad("?cursor=not-a-cursor")).toEqual(["cursor"]);
      // A cursor of another sort is refused rather than positioning the page wrongly.
      await w.add({ fullName: "A" });
      await w.add({ fullName: "B" });
      const cursor = (await list(w.a.id, "?sort=name&limit=1")).pagination.next_cursor!;
      expect(await bad(`?sort=created&cursor=${cursor}`)).toEqual(["cursor"]);
      expect(await bad(`?sort=name&direction=desc&cursor=${cursor}`)).toEqual(["cursor"]);

      as(w.outsider);
      expect((await callRoute(listRoute.GET, "GET", `/api/customers/${w.a.id}`, { businessId: w.a.id })).status).toBe(
        404,
      );
      for (const r of [searchRoute.GET, repeatRoute.GET])
        expect((await callRoute(r, "GET", `/api/customers/${w.a.id}/x?q=ana`, { businessId: w.a.id })).status).toBe(
          404,
        );
      as(anonymous);
      expect((await callRoute(listRoute.GET, "GET", `/api/customers/${w.a.id}`, { businessId: w.a.id })).status).toBe(
        401,
      );
      expect(
        (await callRoute(searchRoute.GET, "GET", `/api/customers/${w.a.id}/search?q=a`, { businessId: w.a.id })).status,
      ).toBe(401);
    }));
});

describe("GET /api/customers/{businessId}/search", () => {
  it("finds by name start, later word, name fragment and email fragment, in that order, and says where", () =>
    t
      .inTransaction(async (db) => {
        const w = await world(db);
        await w.add({ fullName: "Anabela Rusu" });
        await w.add({ fullName: "Ana Popescu" });
        await w.add({ fullName: "Bogdan Anastase" });
        await w.add({ fullName: "Diana Stan" });
        await w.add({ fullName: "Zoe Mills", email: "Zoe.Banana@Example.test" });
        await w.add({ fullName: "Ana Deleted", deletedAt: day(1) });
        await w.add({ fullName: "Nobody Else", email: "nobody@example.test" });
        await w.addTo(w.b.id, { fullName: "Ana Foreign", email: "ana@foreign.test" });
        as(w.staff);

        const found = await search(w.a.id, "  ANA ");
        expect(found.q).toBe("ANA");
        expect(found.customers.map((c) => [c.full_name, c.match])).toEqual([
          ["Ana Popescu", { field: "name", ranges: [{ start: 0, end: 3 }] }],
          ["Anabela Rusu", { field: "name", ranges: [{ start: 0, end: 3 }] }],
          ["Bogdan Anastase", { field: "name", ranges: [{ start: 7, end: 10 }] }],
          ["Diana Stan", { field: "name", ranges: [{ start: 2, end: 5 }] }],
          ["Zoe Mills", { field: "email", ranges: [{ start: 5, end: 8 }] }],
        ]);
        expect(names((await search(w.a.id, "banana@exa")).customers)).toEqual(["Zoe Mills"]);
        expect(names((await search(w.a.id, "popescu")).customers)).toEqual(["Ana Popescu"]);
        // Short queries match word starts only: "an" finds no "Diana", "Zoe.Banana".
        expect(names((await search(w.a.id, "an")).customers)).toEqual([
          "Ana Popescu",
          "Anabela Rusu",
          "Bogdan Anastase",
        ]);
        expect(names((await search(w.a.id, "s")).customers)).toEqual(["Diana Stan"]);
        // Another business's records and soft-deleted ones never come back.
        expect(names((await search(w.a.id, "foreign")).customers)).toEqual([]);
        expect(names((await search(w.a.id, "deleted")).customers)).toEqual([]);
        expect(names((await search(w.b.id, "ana")).customers)).toEqual([]); // w.staff is not staff of B
      })
      .catch((e: unknown) => {
        // The last call is refused (404) before any row is read; everything before it held.
        if (!(e instanceof Error && /404/.test(e.message))) throw e;
      }));

  it("matches a phone on its digits whatever the query's spacing or punctuation", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.add({ fullName: "Phone Owner", phone: "+1 (555) 123-4567" });
      await w.add({ fullName: "Other Phone", phone: "+44 20 7946 0958" });
      await w.addTo(w.b.id, { fullName: "Foreign Phone", phone: "+1 (555) 123-4567" });
      as(w.owner);
      for (const q of ["555 12", "(555)", "555-123", "5551234567", "+1 555 123 4567"]) {
        const found = await search(w.a.id, q);
        expect(names(found.customers), q).toEqual(["Phone Owner"]);
        expect(found.customers[0]!.match.field).toBe("phone");
      }
      const match = (await search(w.a.id, "555 12")).customers[0]!.match;
      expect(match.ranges).toEqual([{ start: 4, end: 11 }]); // "555) 12"
      expect(names((await search(w.a.id, "0958")).customers)).toEqual(["Other Phone"]);
      expect(names((await search(w.a.id, "55")).customers)).toEqual([]); // two digits: too few for a phone
    }));

  it("pages a ranked search without skipping or repeating, and refuses a cursor of another query", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      for (let i = 0; i < 7; i++) await w.add({ fullName: `Ana Same` });
      for (let i = 0; i < 5; i++) await w.add({ fullName: `Ion Anastase` });
      for (let i = 0; i < 6; i++) await w.add({ fullName: `Dana Mare`, email: `d${i}@ana.test` });
      for (let i = 0; i < 4; i++) await w.add({ fullName: `Xu Li`, email: `${i}@banana.test` });
      as(w.owner);
      const all = (await search(w.a.id, "ana", "&limit=100")).customers;
      expect(all).toHaveLength(22);
      const paged: string[] = [];
      for await (const page of walkPages((cursor) =>
        search(w.a.id, "ana", `&limit=4${cursor ? `&cursor=${cursor}` : ""}`),
      ))
        paged.push(...page.customers.map((c) => c.id));
      expect(paged).toEqual(all.map((c) => c.id));
      expect(names(all).slice(0, 12)).toEqual([...Array(7).fill("Ana Same"), ...Array(5).fill("Ion Anastase")]);

      const cursor = (await search(w.a.id, "ana", "&limit=2")).pagination.next_cursor!;
      const response = await callRoute(
        searchRoute.GET,
        "GET",
        `/api/customers/${w.a.id}/search?q=ion&cursor=${cursor}`,
        { businessId: w.a.id },
      );
      expect(response.status).toBe(400);
      for (const q of ["", "   ", "x".repeat(101)]) {
        const refused = await callRoute(
          searchRoute.GET,
          "GET",
          `/api/customers/${w.a.id}/search?q=${encodeURIComponent(q)}`,
          { businessId: w.a.id },
        );
        expect(refused.status, JSON.stringify(q)).toBe(400);
        expect(((await refused.json()) as { error: { field_errors: object } }).error.field_errors).toHaveProperty("q");
      }
    }));
  it("walks the name index for a common fragment, gathers a rare one through its trigram index, and merges the ranks in order", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      // More records before the fragment's in name order than the walk reads: the first page's
      // substring ranks are gathered, the later pages of rank 2 (resumed among the Jensens) walked.
      await db
        .insert(crmCustomers)
        .values(
          Array.from({ length: WALK_READS_AT_MOST }, (_, i) => ({ businessId: w.a.id, fullName: `Aa Filler ${i}` })),
        );
      const many = 150;
      // Names containing "ens" (not at a word start).
      await db.insert(crmCustomers).values(
        Array.from({ length: many }, (_, i) => ({
          businessId: w.a.id,
          fullName: `${["Ben", "Lo", "Ka"][i % 3]} Jensen${i % 7}`,
        })),
      );
      await w.add({ fullName: "Ensley Start" });
      for (let i = 0; i < 5; i++) await w.add({ fullName: `Mail Only ${i}`, email: `tens${i}@example.test` });
      await w.addTo(w.b.id, { fullName: "Foreign Jensen" });
      as(w.owner);
      const paged: CustomerSearchItemDto[] = [];
      for await (const page of walkPages((cursor) =>
        search(w.a.id, "ENS", `&limit=40${cursor ? `&cursor=${cursor}` : ""}`),
      ))
        paged.push(...page.customers);
      expect(paged).toHaveLength(many + 6);
      expect(new Set(paged.map((c) => c.id)).size).toBe(paged.length);
      expect(paged[0]!.full_name).toBe("Ensley Start");
      const walked = paged.slice(1, many + 1);
      expect(walked.every((c) => c.match.field === "name" && /jensen/i.test(c.full_name))).toBe(true);
      const keys = walked.map((c) => c.full_name.toLowerCase());
      expect(keys).toEqual([...keys].sort());
      expect(names(paged.slice(-5))).toEqual([0, 1, 2, 3, 4].map((i) => `Mail Only ${i}`));
      expect(paged.slice(-5).every((c) => c.match.field === "email")).toBe(true);
      // One page holding all of them, from the gathered ranks alone, is the same list.
      const all = (await search(w.a.id, "ens", "&limit=100")).customers.map((c) => c.id);
      expect(all).toEqual(paged.slice(0, 100).map((c) => c.id));
    }));
});

describe("GET /api/customers/{businessId}/repeat", () => {
  it("lists records with 2+ purchases, most valuable first, a page at a time", () =>
    t.inTransaction(async (db) => {
      const w = await world(db);
      await w.add({ fullName: "Once", purchaseCount: 1, totalSpentMinor: 99_999 });
      await w.add({ fullName: "Twice", purchaseCount: 2, totalSpentMinor: 500 });
      await w.add({ fullName: "Big", purchaseCount: 9, totalSpentMinor: 90_000 });
      await w.add({ fullName: "Tie A", purchaseCount: 3, totalSpentMinor: 1_000 });
      await w.add({ fullName: "Tie B", purchaseCount: 3, totalSpentMinor: 1_000 });
      await w.add({ fullName: "Gone", purchaseCount: 5, totalSpentMinor: 80_000, deletedAt: day(1) });
      await w.addTo(w.b.id, { fullName: "Foreign", purchaseCount: 5, totalSpentMinor: 80_000 });
      as(w.staff);
      const first = await repeat(w.a.id);
      expect(names(first.customers).slice(0, 1)).toEqual(["Big"]);
      expect(names(first.customers).sort()).toEqual(["Big", "Tie A", "Tie B", "Twice"]);
      expect(names(first.customers)[3]).toBe("Twice");
      const paged: string[] = [];
      for await (const page of walkPages((cursor) => repeat(w.a.id, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`)))
        paged.push(...page.customers.map((c) => c.id));
      expect(paged).toEqual(first.customers.map((c) => c.id));
    }));
});
