/** The platform administrator's overview: how big the platform is. */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requirePlatformAdmin } from "@/lib/authz/policy";
import { adminOverviewDto, type AdminOverviewDto } from "./dto";

export async function getAdminOverview(db: Database, actor: Actor): Promise<AdminOverviewDto> {
  requirePlatformAdmin(actor);
  const { rows } = await db.execute<AdminOverviewDto>(sql`
    select
      (select count(*) from users)::int as "users",
      (select count(*) from users where is_platform_admin)::int as "admins",
      (select count(*) from businesses)::int as "businesses",
      (select count(*) from businesses where is_marketplace_provider)::int as "providers",
      (select count(*) from customers)::int as "customers",
      (select count(*) from crm_customers where deleted_at is null)::int as "crm_customers"`);
  return adminOverviewDto.parse(rows[0]);
}
