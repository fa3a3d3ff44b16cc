"use server";
/** Sign in, register and sign out, as server actions for the forms and the header. */
import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "./page";
import { registerInput } from "@/lib/accounts/inputs";
import { registerAccount } from "@/lib/accounts/register";
import { clearBusinessChoice } from "@/lib/accounts/switch-business";
import { action, type ActionResult } from "@/lib/actions/action";
import { minutesToWait } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { isKnownDevice } from "./device";
import { signInBlock } from "@/lib/rate-limit/sign-in";

export type SignInState = { error: string } | null;

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
  } catch (error) {
    // Auth.js signals success with Next's redirect, which must propagate; only its own errors mean "refused".
    if (error instanceof CredentialsSignin && error.code === "rate_limited")
      return { error: await throttledMessage(email) };
    if (error instanceof AuthError) return { error: "Wrong email or password." };
    throw error;
  }
  return null;
}

/** The wait comes from the limiter itself, so it is the real one, not a guess. */
async function throttledMessage(email: string): Promise<string> {
  const requestHeaders = await headers();
  const knownDevice = isKnownDevice(requestHeaders, email);
  const block = await signInBlock(await getDb(), { ip: clientIp(requestHeaders), email, knownDevice });
  return `Too many sign-in attempts. Try again in ${minutesToWait(block?.retryAfterSeconds ?? 60)}.`;
}

const register = action(
  registerInput,
  async ({ db, input }) => ({ ...(await registerAccount(db, input)), email: input.email }),
  { access: "public", rateLimit: "register" },
);

/** Creates the account, then signs straight in and goes home (or back to the invitation that sent them here). */
export async function registerAction(
  _previous: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await register(null, form);
  if (!result.ok) return result;
  await signIn("credentials", {
    email: result.data.email,
    password: String(form.get("password") ?? ""),
    redirectTo: safeCallbackPath(form.get("callbackUrl")),
  });
  return result; // not reached: signIn redirects
}

export async function signOutAction(): Promise<void> {
  await clearBusinessChoice();
  await signOut({ redirectTo: "/" });
}
