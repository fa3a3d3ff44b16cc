/** The CRM home of the acting business: how many customer records it keeps, and the newest ones. */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireBusiness } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { crmHomeDto, type CrmHomeDto } from "./dto";

export async function getCrmHome(db: Database, actor: Actor): Promise<CrmHomeDto> {
  const { business } = requireBusiness(actor, "crm.read");
  // Tenant scope lives in the WHERE clause of every query, from what the guard returned.
  const scope = and(eq(crmCustomers.businessId, business.businessId), isNull(crmCustomers.deletedAt));
  const [[total], recentCustomers] = await Promise.all([
    db.select({ n: count() }).from(crmCustomers).where(scope),
    db
      .select({
        customer_id: crmCustomers.id,
        full_name: crmCustomers.fullName,
        email: crmCustomers.email,
        customer_type: crmCustomers.customerType,
        purchase_count: crmCustomers.purchaseCount,
        created_at: crmCustomers.createdAt,
      })
      .from(crmCustomers)
      .where(scope)
      .orderBy(desc(crmCustomers.createdAt), desc(crmCustomers.id))
      .limit(10),
  ]);
  return crmHomeDto.parse({
    business_name: business.businessName,
    customer_count: total?.n ?? 0,
    recent_customers: recentCustomers.map((c) => ({ ...c, created_at: iso(c.created_at) })),
  });
}
