/**
 * Where a request came from: whether a change comes from our own pages (CSRF). Links we send are
 * built on publicUrl() (./public-url.ts), never on the request's headers.
 */
import "server-only";
import { forbidden } from "@/lib/errors";
import { trustSetting } from "./client-ip";
import { publicUrl } from "./public-url";

/** A proxy's X-Forwarded-* header's first value. */
function forwarded(h: Headers, name: string): string | undefined {
  return h.get(name)?.split(",")[0]?.trim() || undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The hosts our own pages are served from: PUBLIC_URL's, the Host header's and, behind a trusted proxy, X-Forwarded-Host's. */
function ourHosts(req: Request): Set<string> {
  const hosts = new Set<string>([new URL(publicUrl()).host]);
  const host = req.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  if (trustSetting() !== "socket") {
    const forwardedHost = forwarded(req.headers, "x-forwarded-host");
    if (forwardedHost) hosts.add(forwardedHost.toLowerCase());
  }
  return hosts;
}

/**
 * Cross-site request forgery: a change (POST, PUT, PATCH, DELETE) whose Origin header names
 * another site is refused (403 `cross_origin`) before the session is read. Browsers send Origin on
 * every such request, so a page elsewhere cannot make a signed-in visitor's browser change
 * anything here; callers that send no Origin (curl, servers) are not browsers riding a cookie, and
 * pass. Signed webhooks carry their own credentials and are not checked (route.ts).
 */
export function checkOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin === null) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a redirect across sites) or garbage: not ours.
  }
  if (host === null || !ourHosts(req).has(host)) {
    throw forbidden(
      "cross_origin",
      "Changes are accepted only from this site's own pages (the Origin header names another site).",
    );
  }
}
