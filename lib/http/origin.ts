import { requestProtocol } from "./client-ip";

/** Where the caller reached us (behind Vercel's or any proxy's X-Forwarded-* headers), for links and cookies. */
function forwarded(h: Headers, name: string): string | undefined {
  return h.get(name)?.split(",")[0]?.trim() || undefined;
}

/** The origin to build links on (invitation URLs): the caller's, not the server's bind address. */
export function originFromHeaders(h: Headers): string {
  const host = forwarded(h, "x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${forwarded(h, "x-forwarded-proto") ?? "http"}://${host}`;
}

/** Secure cookies are dropped over plain http (local `next start`), so mark them only behind TLS. */
export function isHttps(h: Headers): boolean {
  return requestProtocol(h) === "https";
}
