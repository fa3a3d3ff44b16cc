/**
 * What each home page shows, under the one DTO rule (lib/dto.ts): strict, snake_case, parsed on
 * the way out of the function that reads it, so a page (and any client component it hands data to)
 * gets exactly the fields named here.
 */
import { z } from "zod";
import { customerType, providerVisibility, socialVisibility, staffRole } from "@/db/schema";
import { jobRecordDto } from "@/lib/customer-profile/dto";
import { at } from "@/lib/dto";
import { openJobDto } from "@/lib/marketplace/job-lists/dto";

const count = z.int().min(0);

export const customerHomeDto = z.strictObject({
  /** Exactly the name providers are shown. */
  public_name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  handle: z.string(),
  provider_visibility: z.enum(providerVisibility.enumValues),
  social_visibility: z.enum(socialVisibility.enumValues),
  member_since: at,
  counts: z.strictObject({
    jobs_posted: count,
    open_jobs: count,
    orders: count,
    reviews_received: count,
    profile_views: count,
  }),
  /** Their job record: what providers see, and what they are not shown (lib/customer-profile/record.ts). */
  job_record: jobRecordDto,
});
export type CustomerHomeDto = z.infer<typeof customerHomeDto>;

export const providerHomeDto = z.strictObject({
  business_name: z.string(),
  role: z.enum(staffRole.enumValues),
  counts: z.strictObject({ staff: count, open_jobs: count, applications: count, bookings: count }),
  latest_open_jobs: z.array(openJobDto),
});
export type ProviderHomeDto = z.infer<typeof providerHomeDto>;

export const crmHomeDto = z.strictObject({
  business_name: z.string(),
  customer_count: count,
  recent_customers: z.array(
    z.strictObject({
      customer_id: z.uuid(),
      full_name: z.string(),
      email: z.string().nullable(),
      customer_type: z.enum(customerType.enumValues),
      purchase_count: count,
      created_at: at,
    }),
  ),
});
export type CrmHomeDto = z.infer<typeof crmHomeDto>;

export const adminOverviewDto = z.strictObject({
  users: count,
  admins: count,
  businesses: count,
  providers: count,
  customers: count,
  crm_customers: count,
});
export type AdminOverviewDto = z.infer<typeof adminOverviewDto>;
