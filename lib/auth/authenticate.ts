/** Checks an email and password and returns what the session needs, or null. */
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, memberships, users } from "@/db/schema";
import { verifyPassword } from "./password";

export async function authenticate(db: Database, email: string, password: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      isPlatformAdmin: users.isPlatformAdmin,
      customerId: customers.id,
    })
    .from(users)
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return null;

  const roles = await db
    .select({ businessId: memberships.businessId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    customerId: user.customerId,
    memberships: roles,
  };
}
