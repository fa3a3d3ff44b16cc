/**
 * A few audit_log rows of the kinds the app writes (a staff member's change, a soft delete, a
 * Stripe webhook, a scheduled job), so the audit views have something to show from the start.
 */
import { addMinutes, daysBefore } from "@/lib/seed/catalog";
import type { CrmRefs } from "./crm";
import type { People } from "./people";
import type { Ctx } from "./world";

type AuditRow = Ctx["world"]["auditLog"][number];

export function buildAudit(ctx: Ctx, people: People, crm: CrmRefs) {
  const { world } = ctx;
  const user = (email: string) => people.userIdByEmail.get(email)!;
  const bloom = people.businesses.bloom;
  const salon = people.businesses.salon;
  const staffUser = user("staff@bloom.test");
  const staffJoined = world.memberships.find((m) => m.businessId === bloom.id && m.userId === staffUser)!;
  const note = world.crmNotes.find((n) => n.id === crm.noteAtBloom)!;
  const deleted = world.crmCustomers.find((c) => c.id === crm.deletedAtBloom)!;
  const webhookOrder = world.orderSnapshots.find(
    (o) => o.customerId === people.alice.id && o.status === "paid" && o.lastSource.startsWith("evt_"),
  )!;
  const reconciled = world.orderSnapshots.find((o) => o.lastSource === "reconcile")!;

  const byUser = (
    email: string,
    businessId: string,
    row: Omit<AuditRow, "actorType" | "actorUserId" | "businessId">,
  ): AuditRow => ({
    actorType: "user",
    actorUserId: user(email),
    businessId,
    ...row,
  });

  const rows: AuditRow[] = [
    byUser("owner@salon.test", salon.id, {
      entityType: "business",
      entityId: salon.id,
      action: "update",
      field: "currency",
      oldValue: "USD",
      newValue: "EUR",
      createdAt: addMinutes(salon.createdAt, 90),
    }),
    byUser("owner@bloom.test", bloom.id, {
      entityType: "membership",
      // A membership's id is the member's user id, as lib/staff writes it (and the history names them by).
      entityId: staffUser,
      action: "create",
      field: "role",
      oldValue: null,
      newValue: "staff",
      createdAt: staffJoined.createdAt,
    }),
    byUser("admin@bloom.test", bloom.id, {
      entityType: "crm_tag",
      entityId: crm.bloomTagIds.get("Oat milk")!,
      action: "create",
      field: "name",
      oldValue: null,
      newValue: "Oat milk",
      createdAt: addMinutes(bloom.createdAt, 1440),
    }),
    byUser("owner@bloom.test", bloom.id, {
      entityType: "crm_customer",
      entityId: crm.aliceAtBloom,
      action: "update",
      field: "customer_type",
      oldValue: "regular",
      newValue: "vip",
      createdAt: daysBefore(200),
    }),
    {
      actorType: "user",
      actorUserId: note.authorUserId,
      businessId: bloom.id,
      entityType: "crm_note",
      entityId: note.id!,
      action: "create",
      field: "body",
      oldValue: null,
      newValue: note.body,
      createdAt: note.createdAt,
    },
    byUser("manager@bloom.test", bloom.id, {
      entityType: "crm_customer",
      entityId: deleted.id!,
      action: "delete",
      field: "deleted_at",
      oldValue: null,
      newValue: deleted.deletedAt!.toISOString(),
      createdAt: deleted.deletedAt!,
    }),
    {
      actorType: "stripe",
      actorLabel: `stripe:${webhookOrder.lastSource}`,
      entityType: "order_snapshot",
      entityId: webhookOrder.id!,
      action: "update",
      field: "status",
      oldValue: "pending",
      newValue: "paid",
      createdAt: webhookOrder.stripeUpdatedAt,
    },
    {
      actorType: "system",
      actorLabel: "cron:reconcile-orders",
      entityType: "order_snapshot",
      entityId: reconciled.id!,
      action: "update",
      field: "last_source",
      oldValue: null,
      newValue: "reconcile",
      createdAt: reconciled.updatedAt!,
    },
  ];
  world.auditLog.push(...rows.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime()));
}
