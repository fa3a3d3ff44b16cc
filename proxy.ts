/**
 * The proxy (Next 16's middleware) only sends anonymous visitors of the signed-in areas to
 * /signin?callbackUrl=<path>. It reads the JWT and nothing else: no database, no authorization.
 * Real checks live in the pages (lib/auth/page.ts) and data functions (lib/authz/policy.ts);
 * API routes are never redirected, they answer 401 JSON themselves.
 *
 * It decodes the token read-only (getToken) rather than through Auth.js's auth() wrapper, which
 * re-issues the session cookie on every request: a prefetch in flight while the user signs out
 * would otherwise set the cookie again and undo the sign-out.
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";

export async function proxy(req: NextRequest) {
  const token = await getToken({
    req,
    secret: authSecret(),
    // Auth.js names the cookie __Secure-… over HTTPS, as it decides from the request itself.
    secureCookie: req.nextUrl.protocol === "https:",
  });
  if (token?.uid) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  const signIn = new URL("/signin", req.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Only the signed-in areas; /api, /_next, static files and public pages never reach the proxy.
  matcher: ["/home", "/me/:path*", "/provider/:path*", "/crm/:path*", "/admin/:path*", "/business/:path*"],
};
