/**
 * The address people reach the app at, for links we send away from the request (invitation
 * emails): PUBLIC_URL, else AUTH_URL, else http://localhost:3000. Never the request's Host or
 * X-Forwarded-Host, which a caller chooses: an invitation link must not point at their site.
 */
import "server-only";
import { env } from "@/lib/env";

export function publicUrl(): string {
  const { PUBLIC_URL, AUTH_URL } = env();
  for (const candidate of [PUBLIC_URL, AUTH_URL]) {
    if (candidate && URL.canParse(candidate)) return new URL(candidate).origin;
  }
  return "http://localhost:3000";
}
