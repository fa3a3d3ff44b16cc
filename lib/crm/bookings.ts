/**
 * A marketplace booking in the provider business's CRM, in the booking's own transaction:
 * - booked: the business's live record of the customer (created from the person's profile when it
 *   has none, with v1.customer.created) gets a scheduled appointment for the job;
 * - completed: the appointment is completed and counted on the record (appointment_count,
 *   last_appointment_at), so it shows in the record's history and stats;
 * - cancelled: the appointment is cancelled.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, crmCustomers } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/actor";
import { iso } from "@/lib/dto";
import { contactFromPerson, countryOf, recordWithEmail } from "./records/contact";

async function liveLinkedRecord(tx: Database, businessId: string, customerId: string) {
  const [row] = await tx
    .select({ id: crmCustomers.id })
    .from(crmCustomers)
    .where(
      and(
        eq(crmCustomers.businessId, businessId),
        eq(crmCustomers.customerId, customerId),
        isNull(crmCustomers.deletedAt),
      ),
    );
  return row?.id ?? null;
}

/**
 * The business's live record of the customer, created when there is none. An unlinked record that
 * happens to carry the same email is not linked (an account's email alone does not prove it is the
 * person staff recorded); the new record then leaves its email empty, as one email is one live
 * record per business.
 */
export async function ensureLinkedRecord(
  tx: Database,
  actor: UserActor,
  businessId: string,
  customerId: string,
): Promise<{ recordId: string; created: boolean }> {
  const existing = await liveLinkedRecord(tx, businessId, customerId);
  if (existing) return { recordId: existing, created: false };
  const person = await contactFromPerson(tx, customerId, await countryOf(tx, businessId));
  if (!person) throw new Error(`Customer ${customerId} has no profile`);
  const { contact, userId } = person;
  let email = contact.email && (await recordWithEmail(tx, businessId, contact.email)) ? null : contact.email;
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await tx
      .insert(crmCustomers)
      .values({
        businessId,
        customerId,
        fullName: contact.full_name,
        email,
        phone: contact.phone,
        customerType: "regular",
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordChange(tx, actor, {
        businessId,
        entity: { type: "crm_customer", id: row.id },
        action: "create",
        after: {
          fullName: row.fullName,
          email: row.email,
          phone: row.phone,
          customerType: row.customerType,
          customerId,
        },
        event: {
          type: "v1.customer.created",
          data: {
            customer_id: row.id,
            user_id: userId,
            business_id: businessId,
            full_name: row.fullName,
            email: row.email,
            created_at: iso(row.createdAt),
            customer_type: row.customerType,
            account_customer_id: customerId,
            created_by: actor.userId,
          },
        },
      });
      return { recordId: row.id, created: true };
    }
    // Another transaction linked the person meanwhile, or took the email: use theirs, or go without it.
    const linked = await liveLinkedRecord(tx, businessId, customerId);
    if (linked) return { recordId: linked, created: false };
    email = null;
  }
  throw new Error(`Could not create a CRM record of customer ${customerId} at business ${businessId}`);
}

/** Booked: the record (made or linked) gets a scheduled appointment at the job's time, else the booking's. */
export async function bookAppointment(
  tx: Database,
  actor: UserActor,
  booking: {
    businessId: string;
    customerId: string;
    jobId: string;
    scheduledFor: Date | string | null;
    bookedAt: Date;
  },
): Promise<{ recordId: string; appointmentId: string | null }> {
  const { recordId } = await ensureLinkedRecord(tx, actor, booking.businessId, booking.customerId);
  // The job names one time, not a duration: the appointment starts and ends at it until staff set an end.
  const startsAt = booking.scheduledFor ? new Date(booking.scheduledFor) : booking.bookedAt;
  const [appointment] = await tx
    .insert(appointments)
    .values({
      businessId: booking.businessId,
      crmCustomerId: recordId,
      startsAt,
      endsAt: startsAt,
      status: "scheduled",
      jobId: booking.jobId,
    })
    .onConflictDoNothing()
    .returning({ id: appointments.id });
  if (appointment) {
    await recordChange(tx, actor, {
      businessId: booking.businessId,
      entity: { type: "appointment", id: appointment.id },
      action: "create",
      after: { crmCustomerId: recordId, jobId: booking.jobId, startsAt, status: "scheduled" },
    });
  }
  return { recordId, appointmentId: appointment?.id ?? null };
}

/**
 * The job ended: its appointment at the provider business is completed (and counted on the
 * record: appointment_count + 1, last_appointment_at the latest start, in one relative UPDATE) or
 * cancelled. A booking made before bookings became appointments has none, and nothing happens.
 */
export async function endAppointment(
  tx: Database,
  actor: UserActor,
  { businessId, jobId }: { businessId: string; jobId: string },
  status: "completed" | "cancelled",
): Promise<void> {
  const [ended] = await tx
    .update(appointments)
    .set({ status })
    .where(
      and(eq(appointments.businessId, businessId), eq(appointments.jobId, jobId), eq(appointments.status, "scheduled")),
    )
    .returning({ id: appointments.id, recordId: appointments.crmCustomerId, startsAt: appointments.startsAt });
  if (!ended) return;
  if (status === "completed") {
    await tx
      .update(crmCustomers)
      .set({
        appointmentCount: sql`${crmCustomers.appointmentCount} + 1`,
        lastAppointmentAt: sql`greatest(${crmCustomers.lastAppointmentAt}, ${ended.startsAt.toISOString()}::timestamptz)`,
      })
      .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, ended.recordId)));
  }
  await recordChange(tx, actor, {
    businessId,
    entity: { type: "appointment", id: ended.id },
    action: "update",
    before: { status: "scheduled" },
    after: { status },
  });
}
