/**
 * Rate limits stored in the database (one upsert per request over rate_limits), per actor and per IP,
 * by named policy. The route and action wrappers call `consume` before the handler; sign-in uses
 * its own helpers; the retention job calls `pruneExpiredLimits`. Tests charge small policies of
 * their own through `consumeWith`.
 */
import type { Database } from "@/db/client";
import { consumeWith } from "./limiter";
import { policy, type PolicyName } from "./policies";
import type { Subject } from "./keys";

export { POLICIES, policy, type Limit, type PolicyDefinition, type PolicyName, type Scope } from "./policies";
export type { Subject } from "./keys";
export {
  chargeRefusedSql,
  chargeSql,
  consumeWith,
  peekWith,
  resetWith,
  rateLimitHeaders,
  statementCharge,
  type Block,
  type ChargedRow,
  type StatementCharge,
} from "./limiter";
export { chargeSignInAttempt, forgetSignInFailures, signInBlock, type SignInAttempt } from "./sign-in";
export { pruneExpiredLimits } from "./prune";

/**
 * Charges one request to a named policy. System actors are never limited; anonymous callers are
 * counted by IP. Throws a 429 AppError (Retry-After, RateLimit-*) when a limit is exceeded.
 */
export function consume(db: Database, name: PolicyName, subject: Subject): Promise<void> {
  return consumeWith(db, policy(name), subject);
}
