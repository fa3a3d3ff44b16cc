/**
 * The caller's address and protocol, as the TRUST_PROXY setting says to read them (docs/security.md):
 *
 * - unset: the socket's peer, from the headers lib/http/peer.ts stamps under `next start`; no
 *   header a client sends is trusted (X-Forwarded-For included). Without the hook (a process that
 *   did not run instrumentation) every caller is "unknown", which errs on the side of limiting.
 * - N (1-10): N proxies in front, each appending to X-Forwarded-For (nginx's
 *   `$proxy_add_x_forwarded_for`): the Nth entry from the right is the address our outermost proxy
 *   saw; entries left of it are the client's to choose. The protocol is X-Forwarded-Proto's last entry.
 * - vercel: the platform's own headers (x-vercel-forwarded-for, then x-real-ip), which Vercel's
 *   edge sets and overwrites. Unset on Vercel (VERCEL=1) means this too.
 */
import "server-only";
import { env } from "@/lib/env";
import { PEER_HEADER, PEER_PROTO_HEADER, peerHeadersInstalled } from "./peer";

type HeaderSource = Pick<Headers, "get">;
type Trust = "socket" | "vercel" | number;

export function trustSetting(): Trust {
  const { TRUST_PROXY, VERCEL } = env();
  if (TRUST_PROXY === "vercel") return "vercel";
  if (TRUST_PROXY !== undefined && TRUST_PROXY > 0) return TRUST_PROXY;
  return VERCEL ? "vercel" : "socket";
}

const entries = (value: string | null | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

const sane = (ip: string | undefined): string => (ip && ip.length <= 64 ? ip : "unknown");

export function clientIp(headers: HeaderSource): string {
  const trust = trustSetting();
  if (trust === "socket") return peerHeadersInstalled() ? sane(headers.get(PEER_HEADER) ?? undefined) : "unknown";
  if (trust === "vercel") {
    return sane(entries(headers.get("x-vercel-forwarded-for"))[0] ?? headers.get("x-real-ip")?.trim());
  }
  const forwarded = entries(headers.get("x-forwarded-for"));
  // Fewer entries than trusted hops: the furthest one there is (as Express's "trust proxy" N does).
  return sane(forwarded[Math.max(0, forwarded.length - trust)]);
}

/** Whether the client reached us over TLS, read with the same trust as its address (Secure cookies, HSTS). */
export const isHttps = (headers: HeaderSource): boolean => requestProtocol(headers) === "https";

/** The protocol the client used to reach us, read with the same trust as its address. */
export function requestProtocol(headers: HeaderSource): "https" | "http" {
  const trust = trustSetting();
  let proto: string | undefined;
  if (trust === "socket") proto = peerHeadersInstalled() ? (headers.get(PEER_PROTO_HEADER) ?? undefined) : undefined;
  else if (trust === "vercel") proto = entries(headers.get("x-forwarded-proto"))[0];
  else proto = entries(headers.get("x-forwarded-proto")).at(-1);
  return proto?.toLowerCase() === "https" ? "https" : "http";
}
