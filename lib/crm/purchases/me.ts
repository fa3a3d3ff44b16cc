/**
 * GET /api/me/businesses: the signed-in customer's records at every business, with the figures
 * the person may see (orders, spend, appointments); never a business's notes or tags.
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, crmCustomers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { decimalOf } from "@/lib/crm/metrics";
import { iso } from "@/lib/dto";
import { myBusinessesDto, type MyBusinessesDto } from "./dto";

export async function myBusinesses(db: Database, actor: Actor): Promise<MyBusinessesDto> {
  const { customerId } = requireCustomer(actor);
  const rows = await db
    .select({ record: crmCustomers, name: businesses.name, currency: businesses.currency })
    .from(crmCustomers)
    .innerJoin(businesses, eq(businesses.id, crmCustomers.businessId))
    .where(and(eq(crmCustomers.customerId, customerId), isNull(crmCustomers.deletedAt)))
    .orderBy(asc(crmCustomers.createdAt), asc(crmCustomers.id));
  return myBusinessesDto.parse({
    businesses: rows.map(({ record, name, currency }) => {
      const spent = Number(record.totalSpentMinor);
      return {
        business_id: record.businessId,
        business_name: name,
        customer_id: record.id,
        since: iso(record.createdAt),
        total_orders: record.purchaseCount,
        lifetime_value: decimalOf(spent, currency),
        lifetime_value_minor: spent,
        currency,
        last_order_date: iso(record.lastPurchaseAt)?.slice(0, 10) ?? null,
        total_appointments: record.appointmentCount,
      };
    }),
  });
}
