/**
 * Device cookies (OWASP's "device cookies" against account lockout): a browser that signed in to
 * an account once gets a cookie, signed with AUTH_SECRET, that names that account. A later attempt
 * for the same account that carries it is exempt from the per-account backoff
 * (lib/rate-limit/account-backoff.ts), so a stranger failing passwords on someone's email cannot
 * keep its owner out of their own browser; the per-IP limits still apply to it.
 *
 * One cookie per account, `cdev_<account tag>`: the tag and the signature are HMACs under the
 * secret, so the cookie reads as noise, cannot be made for another account, and dies with the secret.
 */
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

const mac = (text: string) => createHmac("sha256", authSecret()).update(text).digest("base64url");
const normalised = (email: string) => email.trim().toLowerCase();
const cookieName = (email: string) => `cdev_${mac(`device-account:${normalised(email)}`).slice(0, 16)}`;
const signature = (email: string, nonce: string) => mac(`device:${normalised(email)}:${nonce}`);

function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether the request carries a valid device cookie for this email's account. */
export function isKnownDevice(headers: Pick<Headers, "get">, email: string): boolean {
  const value = cookieValue(headers.get("cookie") ?? "", cookieName(email));
  const [nonce, sig] = value?.split(".") ?? [];
  if (!nonce || !sig) return false;
  const expected = Buffer.from(signature(email, nonce));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** After a right password: this browser is known for this account from now on. */
export async function rememberDevice(email: string, { secure }: { secure: boolean }): Promise<void> {
  const nonce = randomBytes(16).toString("base64url");
  (await cookies()).set(cookieName(email), `${nonce}.${signature(email, nonce)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: YEAR_SECONDS,
  });
}
