/**
 * Charging a policy against the database: every limit of the policy is one row of rate_limits
 * (key "<policy>:<scope>:<subject>"), and all of them are charged by ONE multi-row upsert, so a
 * limit holds across processes and instances on every driver, atomically, in one round trip. It
 * is rendered once per number of rows and runs as a named prepared statement, so a request neither
 * rebuilds its text nor has it planned.
 * Refusals become a 429 AppError with Retry-After and RateLimit-* headers; successes leave
 * RateLimit-* headers on the request context.
 *
 * Why not rate-limiter-flexible's RateLimiterDrizzle (what this was): it charges each limit with
 * its own upsert, so a three-limit policy cost three statements. On the 2-core benchmark machine
 * that was 1,783 charges/s against 10,382/s for the one statement, and it was the largest single
 * cost of a profile request (BENCHMARKS.md). The window semantics are the library's: a fixed
 * window from a key's first request, and a refused request still counts.
 */
import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatements } from "@/db/prepared";
import { rateLimits } from "@/db/schema";
import { rateLimited } from "@/lib/errors";
import { requestContext } from "@/lib/observability/context";
import { metrics } from "@/lib/observability/metrics";
import { keyFor, type Subject } from "./keys";
import type { Limit, PolicyDefinition, Scope } from "./policies";

type Charge = { limit: Limit; key: string };

function chargesFor(definition: PolicyDefinition, subject: Subject, only?: Scope): Charge[] {
  if (subject.actor.kind === "system") return []; // scheduled jobs and webhooks are trusted
  return definition.limits.flatMap((limit) => {
    const key = only && limit.per !== only ? null : keyFor(limit.per, subject);
    // Sorted below by key: concurrent charges lock their rows in one order, so they cannot deadlock.
    return key === null ? [] : [{ limit, key: `${definition.name}:${limit.per}:${key}` }];
  });
}

/** A limit's state after a charge or a read. */
type LimitState = { remainingPoints: number; msBeforeNext: number };
export type ChargedRow = { key: string; points: number; ms_left: number };
type Row = ChargedRow;

function stateOf(limit: Limit, row: Pick<Row, "points" | "ms_left">): LimitState {
  return {
    remainingPoints: Math.max(0, limit.points - row.points),
    msBeforeNext: Math.max(0, Number(row.ms_left)),
  };
}

const msLeft = sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.expire} - now())) * 1000))::int`;

type Outcome = { limit: Limit; res: LimitState };

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) for one limit's state. */
export function rateLimitHeaders({ limit, res }: Outcome): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit.points),
    "RateLimit-Remaining": String(res.remainingPoints),
    "RateLimit-Reset": String(Math.max(0, Math.ceil(res.msBeforeNext / 1000))),
    "RateLimit-Policy": `${limit.points};w=${limit.duration}`,
  };
}

/** The limit a client should pace itself by: fewest points left, then the longest wait. */
function tightest(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((a, b) =>
    b.res.remainingPoints < a.res.remainingPoints ||
    (b.res.remainingPoints === a.res.remainingPoints && b.res.msBeforeNext > a.res.msBeforeNext)
      ? b
      : a,
  );
}

/** The refused limit that keeps the caller out longest: its wait is the honest Retry-After. */
function longestWait(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
}

/** Row i of a charge binds `rl_key<i>`, `rl_duration<i>` (seconds) and `rl_points<i>` (its limit). */
type ChargeValues = Record<string, string | number>;

/**
 * The charge upsert for `rowCount` limits, as SQL with placeholders: a statement of its own, or a
 * data-modifying CTE inside another (see StatementCharge). Its rows are `key, points, ms_left`.
 */
export function chargeSql(rowCount: number): SQL {
  const rows = Array.from(
    { length: rowCount },
    (_, i) =>
      sql`(${sql.placeholder(`rl_key${i}`)}, 1, now() + make_interval(secs => ${sql.placeholder(`rl_duration${i}`)}))`,
  );
  const expired = sql`${rateLimits.expire} <= now()`;
  return sql`
    insert into ${rateLimits} (key, points, expire) values ${sql.join(rows, sql`, `)}
    on conflict (key) do update set
      points = case when ${expired} then 1 else ${rateLimits.points} + 1 end,
      expire = case when ${expired} then excluded.expire else ${rateLimits.expire} end
    returning key, points, ${msLeft} as ms_left`;
}

/** Whether any row of the charge CTE named `cte` went over its limit: true when this request is refused. */
export function chargeRefusedSql(cte: SQL, rowCount: number): SQL {
  const limits = Array.from(
    { length: rowCount },
    (_, i) => sql`(${sql.placeholder(`rl_key${i}`)}::text, ${sql.placeholder(`rl_points${i}`)}::int)`,
  );
  return sql`exists (select 1 from ${cte} c join (values ${sql.join(limits, sql`, `)}) l(key, points)
    on l.key = c.key where c.points > l.points)`;
}

/**
 * One request's charge, to be made by the caller's own statement (chargeSql as a CTE, its rows
 * returned to settle): a hot read that must write anyway (a profile view) saves the limiter's round
 * trip. `values` are the placeholders' values; `settle` throws the 429 or sets the RateLimit-*
 * headers, exactly as consumeWith does. Null when nothing is charged (system actors).
 */
export type StatementCharge = {
  rowCount: number;
  values: ChargeValues;
  settle(rows: readonly Row[]): void;
};

export function statementCharge(definition: PolicyDefinition, subject: Subject): StatementCharge | null {
  const charges = chargesFor(definition, subject).sort((a, b) => (a.key < b.key ? -1 : 1));
  if (charges.length === 0) return null;
  const values: ChargeValues = {};
  charges.forEach(({ key, limit }, i) => {
    values[`rl_key${i}`] = key;
    values[`rl_duration${i}`] = limit.duration;
    values[`rl_points${i}`] = limit.points;
  });
  return { rowCount: charges.length, values, settle: (rows) => settle(definition, charges, rows) };
}

function settle(definition: PolicyDefinition, charges: Charge[], rows: readonly Row[]): void {
  const results = charges.map(({ limit, key }) => {
    const row = rows.find((r) => r.key === key)!;
    return { limit, res: stateOf(limit, row), refused: row.points > limit.points };
  });
  const refused = results.filter((r) => r.refused);
  if (refused.length > 0) {
    metrics.rateLimitRefusals.inc({ policy: definition.name });
    const worst = longestWait(refused);
    throw rateLimited(worst.res.msBeforeNext / 1000, rateLimitHeaders(worst));
  }
  const headers = requestContext()?.responseHeaders;
  if (headers)
    for (const [name, value] of Object.entries(rateLimitHeaders(tightest(results)))) headers.set(name, value);
}

/** The charge upsert by number of rows: policies have one to three limits, so a few statements in all. */
const chargeStatement = preparedStatements<ChargeValues, Row>("rate_limit_charge", chargeSql);

/**
 * Charges one request to every limit of the policy, in one statement. Throws rateLimited when any
 * limit is exceeded; store errors propagate (the request needs the database anyway, and a 5xx is
 * more honest than silently unlimited).
 */
export async function consumeWith(db: Database, definition: PolicyDefinition, subject: Subject): Promise<void> {
  const charge = statementCharge(definition, subject);
  if (charge) charge.settle(await chargeStatement(charge.rowCount)(db, charge.values));
}

export type Block = { retryAfterSeconds: number; headers: Record<string, string> };

/**
 * Without charging anything: whether the next request of this subject would be refused, and for
 * how long. For callers that must answer before the charging code runs (or after it refused).
 */
export async function peekWith(db: Database, definition: PolicyDefinition, subject: Subject): Promise<Block | null> {
  const charges = chargesFor(definition, subject);
  if (charges.length === 0) return null;
  const rows = await db
    .select({ key: rateLimits.key, points: rateLimits.points, ms_left: msLeft })
    .from(rateLimits)
    .where(
      sql`${inArray(
        rateLimits.key,
        charges.map((c) => c.key),
      )} and ${rateLimits.expire} > now()`,
    );
  const exhausted = charges.flatMap(({ limit, key }): Outcome[] => {
    const row = rows.find((r) => r.key === key);
    return row && row.points >= limit.points ? [{ limit, res: stateOf(limit, row) }] : [];
  });
  if (exhausted.length === 0) return null;
  const worst = longestWait(exhausted);
  return { retryAfterSeconds: worst.res.msBeforeNext / 1000, headers: rateLimitHeaders(worst) };
}

/** Forgets the subject's counts for the limits of one scope (e.g. failures, after a success). */
export async function resetWith(
  db: Database,
  definition: PolicyDefinition,
  subject: Subject,
  scope: Scope,
): Promise<void> {
  const keys = chargesFor(definition, subject, scope).map((c) => c.key);
  if (keys.length > 0) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
