/**
 * Every environment variable the app reads, parsed once with zod. Nothing else reads process.env.
 *
 * Local trial mode (no DATABASE_URL, so the embedded database): secrets that are absent are
 * generated once and kept in .data/dev-secrets.json, so `npm start` needs no configuration and
 * sessions survive restarts. Anywhere else an absent AUTH_SECRET stops the first sign-in check.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Force a driver; the default is chosen from DATABASE_URL (see lib/db.ts). */
  DATABASE_DRIVER: optional.pipe(z.enum(["pglite", "pg", "neon"]).optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** Where the local storage adapter keeps uploaded files (avatars); lib/storage. Beside the embedded database. */
  STORAGE_DIR: z.string().default(".data/storage"),
  AUTH_SECRET: optional,
  CRON_SECRET: optional,
  AMQP_URL: optional,
  METRICS_TOKEN: optional,
  /** Set by Vercel ("1"): serverless, so no background work outlives a request there. */
  VERCEL: optional,
  /** Set by Vercel; shown in /api/health's version. */
  VERCEL_GIT_COMMIT_SHA: optional,
  /** Days to keep audit rows; unset keeps them forever. */
  AUDIT_RETENTION_DAYS: optional.pipe(z.string().regex(/^\d+$/, "a whole number of days").transform(Number).optional()),
  /** Days to keep events the broker confirmed (pending and dead events are never pruned). */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().positive().default(7),
  /** Postgres statement_timeout for the server's queries; scripts and migrations run without one. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Multiplies every rate limit's points. Only for the server of a load test (npm run bench -- http),
   * where one provider sends thousands of requests a minute; leave it at 1 anywhere real.
   */
  RATE_LIMIT_FACTOR: z.coerce.number().int().positive().default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Who tells us the client's address and protocol (lib/http/client-ip.ts): unset = the socket's
   * peer (no header trusted); N = N proxies in front that append to X-Forwarded-For; "vercel".
   */
  TRUST_PROXY: optional.pipe(
    z
      .union([z.literal("vercel"), z.string().regex(/^\d+$/, 'a number of proxies or "vercel"').transform(Number)])
      .pipe(z.union([z.literal("vercel"), z.number().int().min(0).max(10)]))
      .optional(),
  ),
  /** The address people reach the app at, for links we send (invitations); default AUTH_URL, then localhost. */
  PUBLIC_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_URL: optional,
  /** Seeds the demo world into an empty embedded database on first start. */
  SEED_ON_START: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof schema> & { embedded: boolean };

const DEV_SECRETS = ["AUTH_SECRET", "CRON_SECRET", "METRICS_TOKEN"] as const;

function devSecrets(dir: string): Record<(typeof DEV_SECRETS)[number], string> {
  const file = path.join(dir, "dev-secrets.json");
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const key of DEV_SECRETS) {
    if (!stored[key]) {
      stored[key] = randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored as Record<(typeof DEV_SECRETS)[number], string>;
}

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = parsed.data;
  const embedded = env.DATABASE_DRIVER === "pglite" || (!env.DATABASE_URL && env.DATABASE_DRIVER === undefined);
  if (embedded) {
    const generated = devSecrets(path.dirname(path.resolve(env.PGLITE_DIR)));
    for (const key of DEV_SECRETS) env[key] ??= generated[key];
  }
  return { ...env, embedded };
}

const cache = globalThis as { __clienteleEnv?: Env };

/** The session-signing secret; only what signs people in needs it, so db scripts run without it. */
export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("Invalid environment:\n  AUTH_SECRET: required with DATABASE_URL set");
  return secret;
}

/** The parsed environment (read lazily so `next build` never needs secrets). */
export function env(): Env {
  return (cache.__clienteleEnv ??= load());
}
