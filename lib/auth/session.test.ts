/**
 * The session cookie, read without auth(): every token Auth.js issues is accepted with the same
 * claims Auth.js's own decode finds, and every token Auth.js would refuse (tampered, another secret,
 * expired, another algorithm) is refused. Tokens are made with Auth.js's real `encode`.
 */
import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { decodeSessionToken, sessionOf } from "./session";

const sessionUserId = async (headers: Headers) => (await sessionOf(headers))?.userId ?? null;

const SECRET = randomBytes(32).toString("base64url");
vi.stubEnv("AUTH_SECRET", SECRET);

const COOKIE = "authjs.session-token";
const SECURE_COOKIE = "__Secure-authjs.session-token";
const claims = {
  uid: "0b7c1f3e-3d2a-4c8e-9a55-1f6d2e3c4b5a",
  sid: "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
  email: "ada@example.com",
  name: "Ada",
  memberships: [{ businessId: "5b0c6c2e-2f7b-4b8e-9a51-3f1f7f0f2a11", role: "owner" }],
};

const issue = (options: { salt?: string; secret?: string; maxAge?: number; token?: object } = {}) =>
  encode({
    token: options.token ?? claims,
    secret: options.secret ?? SECRET,
    salt: options.salt ?? COOKIE,
    maxAge: options.maxAge,
  });

/** What Auth.js's decode and ours make of a token: the payload, or "refused". */
async function both(token: string, salt = COOKIE) {
  const theirs = await decode({ token, secret: SECRET, salt }).catch(() => "refused" as const);
  const ours = await decodeSessionToken({ token, secret: SECRET, salt }).catch(() => "refused" as const);
  return { theirs, ours };
}

const request = (headers: Record<string, string>) => new Headers({ "x-forwarded-proto": "http", ...headers });

describe("decodeSessionToken", () => {
  it("reads a token Auth.js issued exactly as Auth.js does", async () => {
    const token = await issue();
    const { theirs, ours } = await both(token);
    expect(ours).toEqual(theirs);
    expect(ours).toMatchObject(claims);
    expect(ours).toHaveProperty("exp");
  });

  it("refuses a token issued for another cookie name (the salt) or under another secret", async () => {
    expect(await both(await issue({ salt: SECURE_COOKIE }))).toEqual({ theirs: "refused", ours: "refused" });
    const foreign = await issue({ secret: randomBytes(32).toString("base64url") });
    expect(await both(foreign)).toEqual({ theirs: "refused", ours: "refused" });
  });

  it("accepts a token under any of several secrets (rotation), as Auth.js does", async () => {
    const old = randomBytes(32).toString("base64url");
    const token = await issue({ secret: old });
    const payload = await decodeSessionToken({ token, secret: [SECRET, old], salt: COOKIE });
    expect(payload).toMatchObject({ uid: claims.uid });
  });

  it("refuses an expired token, with Auth.js's 15 s of clock tolerance", async () => {
    expect(await both(await issue({ maxAge: -60 }))).toEqual({ theirs: "refused", ours: "refused" });
    const justExpired = await both(await issue({ maxAge: -5 }));
    expect(justExpired.ours).toMatchObject({ uid: claims.uid });
    expect(justExpired.theirs).toMatchObject({ uid: claims.uid });
  });

  it.each([
    ["the protected header", 0],
    ["the encrypted key (must be empty for dir)", 1],
    ["the IV", 2],
    ["the ciphertext", 3],
    ["the tag", 4],
  ])("refuses a token with %s altered", async (_, part) => {
    const parts = (await issue()).split(".");
    const bytes = Buffer.from(parts[part]!, "base64url");
    if (bytes.length === 0) parts[part] = "AA";
    else {
      bytes[bytes.length >> 1]! ^= 0x01;
      parts[part] = bytes.toString("base64url");
    }
    expect(await both(parts.join("."))).toEqual({ theirs: "refused", ours: "refused" });
  });

  it("refuses another algorithm, a truncated tag and garbage", async () => {
    const [, ...rest] = (await issue()).split(".");
    const gcm = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
    const none = Buffer.from(JSON.stringify({ alg: "none", enc: "A256CBC-HS512" })).toString("base64url");
    const parts = (await issue()).split(".");
    const truncated = [...parts.slice(0, 4), parts[4]!.slice(0, 10)].join(".");
    for (const token of [[gcm, ...rest].join("."), [none, ...rest].join("."), truncated, "a.b.c", "x", "....."]) {
      await expect(decodeSessionToken({ token, secret: SECRET, salt: COOKIE }), token).rejects.toThrow();
    }
  });
});

describe("sessionOf", () => {
  it("answers the user id from the session cookie, and null without one", async () => {
    const token = await issue();
    expect(await sessionUserId(request({ cookie: `other=1; ${COOKIE}=${token}` }))).toBe(claims.uid);
    expect(await sessionUserId(request({}))).toBeNull();
    expect(await sessionUserId(request({ cookie: `${COOKIE}=${token.slice(0, -2)}` }))).toBeNull();
  });

  it("reads the __Secure- cookie behind https, as Auth.js names it there, and only then", async () => {
    const secure = await issue({ salt: SECURE_COOKIE });
    const https = (cookie: string) => new Headers({ "x-forwarded-proto": "https", cookie });
    expect(await sessionUserId(https(`${SECURE_COOKIE}=${secure}`))).toBe(claims.uid);
    expect(await sessionUserId(https(`${COOKIE}=${await issue()}`))).toBeNull();
    expect(await sessionUserId(request({ cookie: `${SECURE_COOKIE}=${secure}` }))).toBeNull();
  });

  it("joins a session Auth.js split into chunked cookies", async () => {
    // Auth.js splits a cookie over about 4 KB into name.0, name.1, ...: a user in many businesses.
    const many = Array.from({ length: 60 }, (_, i) => ({ businessId: `b-${i}-${"x".repeat(30)}`, role: "staff" }));
    const token = await issue({ token: { ...claims, memberships: many } });
    expect(token.length).toBeGreaterThan(4096);
    const half = token.length >> 1;
    const cookie = `${COOKIE}.1=${token.slice(half)}; ${COOKIE}.0=${token.slice(0, half)}`;
    expect(await sessionUserId(request({ cookie }))).toBe(claims.uid);
  });

  it("takes no session from an Authorization header (auth() never did)", async () => {
    const token = await issue();
    expect(await sessionUserId(request({ authorization: `Bearer ${token}` }))).toBeNull();
  });

  it("is a session only with a user id in it", async () => {
    const token = await issue({ token: { email: "ada@example.com" } });
    expect(await sessionUserId(request({ cookie: `${COOKIE}=${token}` }))).toBeNull();
  });

  it("answers the session id with the user id, and refuses a token without one (issued before sessions)", async () => {
    const token = await issue();
    expect(await sessionOf(request({ cookie: `${COOKIE}=${token}` }))).toEqual({
      userId: claims.uid,
      sessionId: claims.sid,
    });
    const { sid: _, ...withoutSid } = claims;
    const old = await issue({ token: withoutSid });
    expect(await sessionOf(request({ cookie: `${COOKIE}=${old}` }))).toBeNull();
    const odd = await issue({ token: { ...claims, sid: "not-a-uuid" } });
    expect(await sessionOf(request({ cookie: `${COOKIE}=${odd}` }))).toBeNull();
  });
});
