/**
 * What the JWT carries (for the proxy's redirects and for display) and its typing. Authorization
 * never trusts these claims: lib/auth/actor.ts re-reads memberships from the database.
 */
import type {} from "@auth/core/jwt";
import type { StaffRole } from "@/db/schema";

export type TokenMembership = { businessId: string; role: StaffRole };

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      isPlatformAdmin: boolean;
      customerId: string | null;
      memberships: TokenMembership[];
    };
  }
  interface User {
    /** The sessions row sign-in created (lib/auth/authenticate.ts). */
    sessionId?: string;
    isPlatformAdmin?: boolean;
    customerId?: string | null;
    memberships?: TokenMembership[];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    /** The session's id (sessions.id): every request checks it is still live (lib/auth/resolve-actor.ts). */
    sid?: string;
    isPlatformAdmin?: boolean;
    customerId?: string | null;
    memberships?: TokenMembership[];
  }
}
