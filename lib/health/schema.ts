/**
 * The shape of GET /api/health, as zod: the route's output type and its OpenAPI schema come
 * from this one definition, so the documentation cannot drift from what monitoring receives.
 */
import { z } from "zod";

export const healthResponse = z
  .object({
    /** "degraded" whenever the app cannot serve requests correctly (the route answers 503). */
    status: z.enum(["ok", "degraded"]),
    database: z.object({
      reachable: z.boolean(),
      /** Round trip of `select 1`; null when the database did not answer. */
      latency_ms: z.number().int().nonnegative().nullable(),
      driver: z.enum(["pglite", "pg", "neon"]).optional(),
    }),
    migrations: z.object({
      /** Migrations in this build's drizzle/ folder. */
      shipped: z.number().int().nonnegative().nullable(),
      /** Migrations recorded in the database (may exceed shipped while a newer build rolls out). */
      applied: z.number().int().nonnegative().nullable(),
      /** Shipped migrations the database has not applied; null when it could not be asked. */
      pending: z.number().int().nonnegative().nullable(),
      /** Every shipped migration is applied. */
      current: z.boolean(),
    }),
    /** package.json version, plus "+<commit>" when the deployment names its commit. */
    version: z.string(),
  })
  .meta({
    id: "Health",
    description: "Liveness and readiness of this deployment: database reachability and schema currency.",
  });

export type HealthReport = z.infer<typeof healthResponse>;
