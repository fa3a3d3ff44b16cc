/**
 * Auth.js (next-auth v5): email and password against our own users table, JWT sessions.
 * The configuration is built lazily, so `next build` needs no secret.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/env";
import { log } from "@/lib/log";
import { baseAuthConfig } from "./config.base";
import { authenticate } from "./authenticate";

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig,
  secret: authSecret(),
  // Into our JSON logs; a refused password is an everyday event, not an error with a stack.
  logger: {
    error: (error) =>
      error.name === "CredentialsSignin" ? log.info("sign-in refused") : log.error({ err: error }, "auth error"),
    warn: (code) => log.warn({ code }, "auth warning"),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(input) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await authenticate(await getDb(), parsed.data.email, parsed.data.password);
        if (!user) throw new InvalidCredentials();
        return user;
      },
    }),
  ],
}));
