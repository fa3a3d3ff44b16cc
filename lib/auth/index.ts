/**
 * Auth.js (next-auth v5): email and password against our own users table, JWT sessions.
 * The configuration is built lazily, so `next build` needs no secret. Password attempts are
 * throttled per IP+email and per IP (lib/rate-limit/sign-in.ts), and per account with a backoff
 * that known devices are exempt from (lib/rate-limit/account-backoff.ts, ./device.ts), before any
 * password is checked.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp, isHttps } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";
import { accountLock, clearAccountFailures, reserveAccountAttempt } from "@/lib/rate-limit/account-backoff";
import { chargeSignInAttempt, forgetSignInFailures } from "@/lib/rate-limit/sign-in";
import { baseAuthConfig } from "./config.base";
import { authenticate } from "./authenticate";
import { isKnownDevice, rememberDevice } from "./device";
import { resolveSessionActor } from "./resolve-actor";
import { endSession } from "./sessions";

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many attempts from this IP (for this email): refused whatever the password. */
class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * The Credentials provider's authorize: throttle first, so a blocked IP learns nothing about the
 * password and costs no argon2 work; then the account's own backoff (lib/rate-limit/account-backoff.ts),
 * which a browser that signed in to the account before is exempt from (./device.ts). A wrong password
 * counts against the email whether or not an account has it, so the answers are the same either way.
 * A right password clears this IP's failures for the email and the account's, and remembers the device.
 */
export async function authorizeCredentials(input: Partial<Record<string, unknown>>, request: Request) {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) {
    metrics.authFailures.inc({ reason: "bad_credentials" });
    throw new InvalidCredentials();
  }
  const db = await getDb();
  const { email, password } = parsed.data;
  const attempt = { ip: clientIp(request.headers), email };
  try {
    await chargeSignInAttempt(db, attempt);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "rate_limited")) throw error;
    metrics.authFailures.inc({ reason: "rate_limited" });
    throw new SignInThrottled();
  }
  // A known device is exempt from the account's backoff; any other attempt is counted in advance.
  const knownDevice = isKnownDevice(request.headers, email);
  if (!knownDevice && (await reserveAccountAttempt(db, email)) !== null) {
    metrics.authFailures.inc({ reason: "rate_limited" });
    throw new SignInThrottled();
  }
  const user = await authenticate(db, email, password, request.headers.get("user-agent"));
  if (!user) {
    metrics.authFailures.inc({ reason: "bad_credentials" });
    throw new InvalidCredentials();
  }
  await forgetSignInFailures(db, attempt);
  // A known device signing in during a lock leaves the lock on the stranger: only a sign-in the
  // lock did not apply to forgets the account's failures.
  if (!knownDevice || (await accountLock(db, email)) === null) await clearAccountFailures(db, email);
  await rememberDevice(email, { secure: isHttps(request.headers) });
  return user;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig,
  secret: authSecret(),
  callbacks: {
    ...baseAuthConfig.callbacks,
    // At sign-in (with `user`) as the base config does. Otherwise this is Auth.js's own session
    // endpoint (GET /api/auth/session), which would decrypt an ended session's cookie, answer its
    // claims and re-issue it: an ended session gets null there, and its cookie is cleared.
    async jwt(params) {
      const token = await baseAuthConfig.callbacks.jwt(params);
      if (params.user) return token;
      // The same check every request makes (./resolve-actor.ts): session live, account not suspended.
      const live =
        token.uid && token.sid
          ? (await resolveSessionActor(await getDb(), { userId: token.uid, sessionId: token.sid })).kind === "user"
          : false;
      return live ? token : null;
    },
  },
  // Signing out (the header's button or POST /api/auth/signout) ends the session's row too, so a
  // copy of the cookie stops working with it (lib/auth/resolve-actor.ts).
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.uid && token.sid) await endSession(await getDb(), token.uid, token.sid);
    },
  },
  // Into our JSON logs; a refused password is an everyday event, not an error with a stack.
  // Auth.js names an error after its class (InvalidCredentials, ...); `type` is the family.
  logger: {
    error: (error) =>
      (error as { type?: string }).type === "CredentialsSignin"
        ? log.info({ code: (error as CredentialsSignin).code }, "sign-in refused")
        : log.error({ err: error }, "auth error"),
    warn: (code) => log.warn({ code }, "auth warning"),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: authorizeCredentials,
    }),
  ],
}));
