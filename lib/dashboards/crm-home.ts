/** The CRM home of the acting business: how many customer records it keeps, and the newest ones. */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers, type CustomerType } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireBusiness } from "@/lib/authz/policy";

export type CrmHome = {
  businessName: string;
  customerCount: number;
  recentCustomers: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    customerType: CustomerType;
    purchaseCount: number;
    createdAt: Date;
  }[];
};

export async function getCrmHome(db: Database, actor: Actor): Promise<CrmHome> {
  const { business } = requireBusiness(actor, "crm.read");
  // Tenant scope lives in the WHERE clause of every query, from what the guard returned.
  const scope = and(eq(crmCustomers.businessId, business.businessId), isNull(crmCustomers.deletedAt));
  const [[total], recentCustomers] = await Promise.all([
    db.select({ n: count() }).from(crmCustomers).where(scope),
    db
      .select({
        id: crmCustomers.id,
        firstName: crmCustomers.firstName,
        lastName: crmCustomers.lastName,
        email: crmCustomers.email,
        customerType: crmCustomers.customerType,
        purchaseCount: crmCustomers.purchaseCount,
        createdAt: crmCustomers.createdAt,
      })
      .from(crmCustomers)
      .where(scope)
      .orderBy(desc(crmCustomers.createdAt), desc(crmCustomers.id))
      .limit(10),
  ]);
  return { businessName: business.businessName, customerCount: total?.n ?? 0, recentCustomers };
}
