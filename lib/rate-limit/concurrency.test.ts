/**
 * A limit holds under a race. On pg and neon, separate processes (test/fixtures/consume-limit.ts)
 * charge one key of the shared Postgres at the same moment: exactly `points` requests get through
 * in total, because each charge is one atomic upsert. PGlite allows one process per database, so
 * on the pglite project the same race runs as concurrent consumers in this process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { driver, testDatabase, type TestDatabase } from "@/test/db";
import { consumeWith, type PolicyDefinition } from ".";
import { uniqueIp } from "@/test/factories";

const PROCESSES = 4;
const ATTEMPTS_EACH = 10;
const POINTS = 17; // not a multiple of anything above, so no process can get through alone by accident

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

type Tally = { allowed: number; refused: number };

/** Starts one consumer process and resolves once it is connected and waiting for the signal. */
function startConsumer(job: object): Promise<{ go: () => void; done: Promise<Tally> }> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.resolve("test/fixtures/consume-limit.ts"),
      JSON.stringify(job),
    ],
    {
      cwd: process.cwd(),
      env: process.env,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<Tally>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as Tally);
      else reject(new Error(`consumer exited ${code}: ${stderr || stdout}`));
    });
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.startsWith("ready\n")) resolve({ go: () => child.stdin.end("go\n"), done });
    });
    done.catch(reject);
  });
}

describe.runIf(driver !== "pglite")("a limit shared by separate processes", () => {
  it(
    `lets exactly ${POINTS} of ${PROCESSES * ATTEMPTS_EACH} simultaneous requests through`,
    { timeout: 60_000 },
    async () => {
      const job = { driver, url: t.url, ip: uniqueIp(), points: POINTS, attempts: ATTEMPTS_EACH };
      const consumers = await Promise.all(Array.from({ length: PROCESSES }, () => startConsumer(job)));
      for (const consumer of consumers) consumer.go();
      const tallies = await Promise.all(consumers.map((c) => c.done));

      const allowed = tallies.reduce((sum, t) => sum + t.allowed, 0);
      const refused = tallies.reduce((sum, t) => sum + t.refused, 0);
      expect({ allowed, refused }).toEqual({ allowed: POINTS, refused: PROCESSES * ATTEMPTS_EACH - POINTS });
    },
  );
});

describe.runIf(driver === "pglite")(
  "a limit under concurrent consumers (one process: PGlite is single-process)",
  () => {
    it(`lets exactly ${POINTS} of ${PROCESSES * ATTEMPTS_EACH} concurrent requests through`, async () => {
      const definition: PolicyDefinition = {
        name: "test-processes",
        limits: [{ per: "ip", points: POINTS, duration: 300 }],
      };
      const ip = uniqueIp();
      const outcomes = await Promise.all(
        Array.from({ length: PROCESSES * ATTEMPTS_EACH }, () =>
          consumeWith(t.db, definition, { actor: anonymous, ip }).then(
            () => "allowed",
            (error: unknown) =>
              error instanceof AppError && error.code === "rate_limited" ? "refused" : Promise.reject(error),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === "allowed")).toHaveLength(POINTS);
    });
  },
);
