/**
 * The security headers of every response. Pages get a Content-Security-Policy with a fresh nonce
 * per request (set by proxy.ts; Next reads the nonce from the request's CSP header and puts it on
 * its own scripts, and 'strict-dynamic' lets those load the rest). API responses are data, never
 * documents, so their policy allows nothing at all.
 */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;

/**
 * Strict-Transport-Security, sent only on responses to requests that came over https (decided by
 * lib/http/client-ip.ts's requestProtocol, with the same TRUST_PROXY as client addresses): two
 * years, subdomains included. Over plain http a browser ignores it, and a local `next start` must
 * not pin localhost to https.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function pageContentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates modules with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (charts, progress bars) are inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
