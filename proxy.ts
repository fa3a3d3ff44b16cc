/**
 * The proxy (Next 16's middleware) only sends anonymous visitors of the signed-in areas to
 * /signin?callbackUrl=<path>. It reads the JWT and nothing else: no database, no authorization.
 * Real checks live in the pages (lib/auth/page.ts) and data functions (lib/authz/policy.ts);
 * API routes are never redirected, they answer 401 JSON themselves.
 */
import NextAuth, { type NextAuthRequest } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config.base";
import { env } from "@/lib/env";

// Lazy, so `next build` needs no secret; lib/env.ts imports only node builtins and zod.
const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: env().AUTH_SECRET }));

const guard = auth((req: NextAuthRequest, _event: NextFetchEvent) => {
  if (req.auth?.user?.id) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  const signIn = new URL("/signin", req.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
});

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  // With a lazy config, next-auth hands back the wrapped handler as a promise (its types say otherwise).
  const run = await guard;
  return run(req, event);
}

export const config = {
  // Only the signed-in areas; /api, /_next, static files and public pages never reach the proxy.
  matcher: ["/home", "/me/:path*", "/provider/:path*", "/crm/:path*", "/admin/:path*", "/business/:path*"],
};
