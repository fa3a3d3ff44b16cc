/**
 * Shared-secret bearer tokens (the cron secret, the metrics token), compared in constant time.
 * An unset secret matches nothing: the endpoint is closed until it is configured.
 */
import { timingSafeEqual } from "node:crypto";

export function bearerMatches(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
