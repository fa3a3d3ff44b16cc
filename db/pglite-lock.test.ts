/**
 * The embedded database's directory lock (db/client.ts): a lock left behind by a killed process
 * (Playwright's server, an `npm start` stopped with kill -9) is taken over once it is stale, so the
 * next start opens the database instead of coming up without it.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "./client";

const root = mkdtempSync(path.join(os.tmpdir(), "clientele-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(process.env.TEST_DRIVER === "pglite")("the embedded database's lock", () => {
  it("is taken over from a process killed a moment ago, once the lock goes stale", async () => {
    const dir = path.join(root, "pglite");
    // What a process killed 12 s ago leaves: the lock directory, refreshed then and never again.
    // It is not stale yet (15 s), so opening must wait for it rather than fail at once.
    mkdirSync(`${dir}.lock`, { recursive: true });
    const killedAt = new Date(Date.now() - 12_000);
    utimesSync(`${dir}.lock`, killedAt, killedAt);

    const started = performance.now();
    const connection = await connect(dir, "pglite");
    try {
      // It waited for the lock to go stale (about 3 s), then took it over: the lock is fresh now.
      expect(performance.now() - started).toBeGreaterThan(2_000);
      expect(Date.now() - statSync(`${dir}.lock`).mtimeMs).toBeLessThan(10_000);
      const { rows } = await connection.db.execute<{ one: number }>(sql`select 1 as one`);
      expect(rows[0]!.one).toBe(1);
    } finally {
      await connection.close();
    }
  });
});
