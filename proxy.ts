/**
 * The proxy (Next 16's middleware) runs before every page, for two things only:
 * 1. A Content-Security-Policy with a fresh nonce (lib/http/security-headers.ts). It is set on the
 *    request too, which is where Next reads the nonce to stamp its own scripts. Over https (as
 *    TRUST_PROXY says to tell), Strict-Transport-Security too; API responses get it from route().
 * 2. Anonymous visitors of the signed-in areas go to /signin?callbackUrl=<path>. It reads the JWT
 *    and nothing else: no database, no authorization. Real checks live in the pages
 *    (lib/auth/page.ts) and data functions (lib/authz/policy.ts); API routes never come here.
 *
 * It decodes the token read-only (getToken) rather than through Auth.js's auth() wrapper, which
 * re-issues the session cookie on every request: a prefetch in flight while the user signs out
 * would otherwise set the cookie again and undo the sign-out.
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret, env } from "@/lib/env";
import { isHttps } from "@/lib/http/client-ip";
import { newNonce, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

const SIGNED_IN_AREAS = /^\/(home|me|account|jobs|provider|crm|admin|business)(\/|$)/;

export async function proxy(req: NextRequest) {
  if (SIGNED_IN_AREAS.test(req.nextUrl.pathname) && !(await hasSession(req))) {
    const { pathname, search } = req.nextUrl;
    const signIn = new URL("/signin", req.nextUrl.origin);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return withTransportSecurity(req, NextResponse.redirect(signIn));
  }
  const csp = pageContentSecurityPolicy(newNonce(), { dev: env().NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return withTransportSecurity(req, res);
}

/** Strict-Transport-Security on a response to a request that came over https (TRUST_PROXY decides). */
function withTransportSecurity(req: NextRequest, res: NextResponse): NextResponse {
  if (isHttps(req.headers)) res.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return res;
}

async function hasSession(req: NextRequest): Promise<boolean> {
  const token = await getToken({
    req,
    secret: authSecret(),
    // Auth.js names the cookie __Secure-… over HTTPS, as it decides from the request itself.
    secureCookie: req.nextUrl.protocol === "https:",
  });
  return Boolean(token?.uid);
}

export const config = {
  // Every page; not the API, Next's static assets or files served from public/.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|jpg|ico|webp|txt)$).*)"],
};
