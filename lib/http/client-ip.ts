/**
 * The caller's IP address, for per-IP limits. Behind Vercel (and `next start`, which sets it from
 * the socket) x-forwarded-for's first entry is the client; x-real-ip is the fallback. A request
 * that names neither shares the "unknown" bucket, which errs on the side of limiting.
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
