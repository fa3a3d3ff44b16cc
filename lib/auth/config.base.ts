/**
 * The part of the Auth.js configuration that needs no database: pages, JWT sessions and the
 * claims copied between user, token and session. The proxy uses only this.
 */
import type { NextAuthConfig } from "next-auth";
import "./session-token";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export const baseAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        // Without a session row there is no session: a token without sid is refused on every request.
        if (user.sessionId) token.sid = user.sessionId;
        token.isPlatformAdmin = user.isPlatformAdmin ?? false;
        token.customerId = user.customerId ?? null;
        token.memberships = user.memberships ?? [];
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) {
        session.user = {
          ...session.user,
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          isPlatformAdmin: token.isPlatformAdmin ?? false,
          customerId: token.customerId ?? null,
          memberships: token.memberships ?? [],
        };
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
