/**
 * Named prepared statements (db/prepared.ts): values bound per call, one name per text, and on
 * a Postgres server, statements that Postgres stops planning after five executions.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { customers } from "@/db/schema";
import { driver, testDatabase, type TestDatabase } from "@/test/db";
import { createCustomer, createUser } from "@/test/factories";
import { executePrepared, preparedStatement } from "./prepared";

let t: TestDatabase;

async function customerNamed(db: Database, firstName: string): Promise<string> {
  return (await createCustomer(db, (await createUser(db)).id, { firstName })).id;
}
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const firstNameOf = preparedStatement<{ id: string }, { first_name: string }>(
  "test_first_name",
  sql`select ${customers.firstName} as first_name from ${customers} where ${customers.id} = ${sql.placeholder("id")}`,
);

it("binds each call's values to the statement rendered once", async () => {
  await t.rollback(async (db) => {
    const ada = await customerNamed(db, "Ada");
    const bob = await customerNamed(db, "Bob");
    expect(await firstNameOf(db, { id: ada })).toEqual([{ first_name: "Ada" }]);
    expect(await firstNameOf(db, { id: bob })).toEqual([{ first_name: "Bob" }]);
    expect(await firstNameOf(db, { id: randomUUID() })).toEqual([]);
  });
});

it("gives two texts under one label two names, so both run on one connection", async () => {
  await t.rollback(async (db) => {
    // Under one name, node-postgres would refuse the second text ("Prepared statements must be unique").
    expect(await executePrepared(db, "test_shape", sql`select ${1}::int as one`)).toEqual([{ one: 1 }]);
    expect(await executePrepared(db, "test_shape", sql`select ${2}::int as one, ${3}::int as two`)).toEqual([
      { one: 2, two: 3 },
    ]);
    expect(await executePrepared(db, "test_shape", sql`select ${4}::int as one`)).toEqual([{ one: 4 }]);
  });
});

describe.skipIf(driver === "pglite")("on a Postgres server", () => {
  it("prepares the statement once per connection and, after five custom plans, stops planning it", async () => {
    await t.rollback(async (db) => {
      const label = `test_generic_${randomUUID().slice(0, 8)}`;
      const ids = [await customerNamed(db, "Cy"), await customerNamed(db, "Di")];
      for (let i = 0; i < 12; i++) {
        const [row] = await executePrepared<{ first_name: string }>(
          db,
          label,
          sql`select ${customers.firstName} as first_name from ${customers} where ${customers.id} = ${ids[i % 2]}`,
        );
        expect(row?.first_name).toBe(i % 2 === 0 ? "Cy" : "Di");
      }
      const { rows } = await db.execute<{ generic_plans: number; custom_plans: number }>(
        sql`select generic_plans::int, custom_plans::int from pg_prepared_statements where name like ${`${label}_%`}`,
      );
      expect(rows).toEqual([{ generic_plans: 7, custom_plans: 5 }]);
    });
  });
});
