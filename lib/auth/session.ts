/**
 * The session of a request: Auth.js's session cookie, verified and decrypted on every call, read
 * without Auth.js's `auth()`. The cookie is what `auth()` reads (same name, chunks, salt and secret,
 * through Auth.js's own `getToken`), and a token it would refuse is refused here; only the work
 * around it is left out:
 *
 * - `auth()` runs the whole session endpoint for each call: it builds the lazy configuration, makes
 *   and hashes a CSRF token, decrypts the cookie, *re-encrypts* a fresh one and serialises it into a
 *   Response whose JSON it parses again. Outside a route of its own it cannot set that cookie, so the
 *   re-issued token was thrown away (sessions never slid; they last SESSION_MAX_AGE_SECONDS).
 * - Auth.js's `decode` derives the key (HKDF) and its thumbprint on every call and decrypts through
 *   WebCrypto, four asynchronous jobs on libuv's thread pool for one 400-byte token. Here the key is
 *   derived once per secret and salt, and the token (JWE compact, `dir` + `A256CBC-HS512`, RFC 7518
 *   §5.2.2) is checked with node:crypto synchronously: HMAC-SHA-512 over the protected header, IV and
 *   ciphertext, compared in constant time, before AES-256-CBC decrypts anything.
 *
 * Measured on the bench machine (BENCHMARKS.md): `auth()` cost 1.2-2.5 ms of server CPU per
 * request, Auth.js's `decode` alone 0.35-0.55 ms, this 0.02-0.03 ms. Authorization never relies on
 * the token's claims: lib/auth/actor.ts reads the account and memberships fresh for every request.
 * AUTH_URL is not part of this app's configuration (lib/env.ts): the cookie's name follows the
 * request's protocol, as it does for `auth()` without it.
 */
import "server-only";
import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

/** Auth.js's clock tolerance for `exp` and `nbf`, in seconds (its `decode` passes 15 to jose). */
const CLOCK_TOLERANCE_SECONDS = 15;
const KEY_BYTES = 64; // A256CBC-HS512: a 32-byte HMAC key, then a 32-byte AES key

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who the session cookie says is signing in, and which session (sessions.id) it belongs to. */
export type SessionClaims = { userId: string; sessionId: string };

/**
 * The session the request's cookie carries, or null for no session, a token that fails
 * verification or has expired, or one without a session id (issued before sessions could be
 * revoked: it is refused, so no such token outlives the change). Whether the session is still live
 * is the actor statement's question (lib/auth/resolve-actor.ts), asked in the same round trip as
 * the account. Only the Cookie header is read: Auth.js's `getToken` would also take an
 * `Authorization: Bearer` token, which `auth()` never did and the API does not offer.
 */
export async function sessionOf(headers: Pick<Headers, "get">): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret: authSecret(),
    secureCookie: usesSecureCookies(headers),
    decode: decodeSessionToken,
  });
  const { uid, sid } = token ?? {};
  if (typeof uid !== "string" || !UUID.test(uid) || typeof sid !== "string" || !UUID.test(sid)) return null;
  return { userId: uid, sessionId: sid };
}

/**
 * Auth.js names the cookie `__Secure-authjs.session-token` when the request's URL is https, which
 * it takes from X-Forwarded-Proto, and https when that header is absent (next-auth's getSession).
 */
function usesSecureCookies(headers: Pick<Headers, "get">): boolean {
  const proto = headers.get("x-forwarded-proto") ?? "https";
  return proto.split(",")[0]!.trim().replace(/:$/, "") === "https";
}

const derivedKeys = new Map<string, Buffer>();

/** Auth.js's key for a salt (the cookie name): HKDF-SHA-256 of the secret, as its `encode` derives it. */
function encryptionKey(secret: string, salt: string): Buffer {
  const id = `${salt}\u0000${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, KEY_BYTES));
    derivedKeys.set(id, key);
  }
  return key;
}

/**
 * Verifies and decrypts a token Auth.js issued (`encode` in @auth/core/jwt), or throws. A drop-in
 * for Auth.js's `decode` (the `decode` option of `getToken` and of the `jwt` config).
 */
export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const secrets = Array.isArray(secret) ? secret : [secret];
  for (const candidate of secrets) {
    const payload = decrypt(token, encryptionKey(candidate, salt));
    if (payload) return checkClaims(payload);
  }
  throw new Error("The session token does not verify.");
}

/** The JWE's payload if its tag verifies under `key`; null if it does not; throws if it is malformed. */
function decrypt(token: string, key: Buffer): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5) throw new Error("Not a compact JWE.");
  const [protectedHeader, encryptedKey, ivText, ciphertextText, tagText] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const header = parseJson(Buffer.from(protectedHeader, "base64url"));
  if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || "zip" in header || "crit" in header || encryptedKey) {
    throw new Error("Not a token this app issues.");
  }
  const iv = Buffer.from(ivText, "base64url");
  const ciphertext = Buffer.from(ciphertextText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new Error("Malformed JWE.");
  }
  // RFC 7518 §5.2.2.2: the tag is the first half of HMAC-SHA-512(AAD || IV || ciphertext || AL),
  // where AAD is the encoded protected header and AL its length in bits as a 64-bit big-endian number.
  const aad = Buffer.from(protectedHeader, "ascii");
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const expected = createHmac("sha512", key.subarray(0, 32))
    .update(aad)
    .update(iv)
    .update(ciphertext)
    .update(al)
    .digest();
  if (!timingSafeEqual(expected.subarray(0, 32), tag)) return null;
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
  return parseJson(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

function parseJson(bytes: Buffer): Record<string, unknown> {
  const value: unknown = JSON.parse(bytes.toString("utf8"));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("Not a JSON object.");
  return value as Record<string, unknown>;
}

/** As jose checks them for Auth.js, except that `exp` is required: every token Auth.js issues has one. */
function checkClaims(payload: Record<string, unknown>): JWT {
  const now = Math.floor(Date.now() / 1000);
  const { exp, nbf, iat } = payload;
  if (typeof exp !== "number" || exp <= now - CLOCK_TOLERANCE_SECONDS) throw new Error("The session has expired.");
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > now + CLOCK_TOLERANCE_SECONDS)) {
    throw new Error("The session is not valid yet.");
  }
  if (iat !== undefined && typeof iat !== "number") throw new Error("Malformed iat.");
  return payload as JWT;
}
