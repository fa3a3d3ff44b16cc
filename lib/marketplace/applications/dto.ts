/**
 * What the application routes send back: a new application, a booking, a withdrawal.
 */
import { at } from "@/lib/dto";
import { z } from "zod";

export const applicationCreatedDto = z
  .strictObject({ application_id: z.uuid(), job_id: z.uuid(), status: z.literal("pending"), created_at: at })
  .meta({ id: "ApplicationCreated" });
export type ApplicationCreatedDto = z.infer<typeof applicationCreatedDto>;
export const bookingDto = z
  .strictObject({
    booking_id: z.uuid(),
    job_id: z.uuid(),
    application_id: z.uuid(),
    provider_business_id: z.uuid(),
    status: z.literal("booked"),
    declined_application_ids: z.array(z.uuid()),
    booked_at: at,
  })
  .meta({ id: "Booking" });
export type BookingDto = z.infer<typeof bookingDto>;

export const applicationWithdrawnDto = z
  .strictObject({ application_id: z.uuid(), job_id: z.uuid(), status: z.literal("withdrawn") })
  .meta({ id: "ApplicationWithdrawn" });
export type ApplicationWithdrawnDto = z.infer<typeof applicationWithdrawnDto>;
