/**
 * /crm/[businessId]/customers/[id]: one customer as the business sees them. Everything is read on
 * the server through the same data functions as the JSON API (the record with its tags, preferences
 * and metrics; notes; purchases and appointments; the audit trail), so access is exactly the API's:
 * staff without the notes permission never load the notes and see why instead. Each form posts to
 * its concept's server action and the page refreshes, so metrics, chart and timeline follow at once;
 * the photo alone goes to its API route (components/crm/avatar-editor.tsx says why).
 */
import type { Metadata } from "next";
import { hasPermission, membershipOf } from "@/lib/authz/policy";
import type { UserActor } from "@/lib/auth/actor";
import { loadForPage, requirePageActor } from "@/lib/auth/page";
import { auditHistory } from "@/lib/audit/history";
import { badRequest } from "@/lib/errors";
import { nameInitials } from "@/lib/graphemes";
import { id as idSchema } from "@/lib/inputs";
import { addNoteAction, pinNoteAction } from "@/lib/crm/notes/actions";
import { listNotes } from "@/lib/crm/notes/queries";
import { recordPurchaseAction } from "@/lib/crm/purchases/actions";
import { getRecordHistory } from "@/lib/crm/purchases/queries";
import {
  deleteRecordAction,
  restoreRecordAction,
  revertOverrideAction,
  updatePreferencesAction,
  updateRecordAction,
} from "@/lib/crm/records/actions";
import { getRecord } from "@/lib/crm/records/queries";
import { addTagAction, removeTagAction } from "@/lib/crm/tags/actions";
import { listTags } from "@/lib/crm/tags/queries";
import { AccessDenied } from "@/components/app/access-denied";
import { BackLink } from "@/components/app/back-link";
import { Avatar } from "@/components/crm/avatar";
import { AvatarEditor } from "@/components/crm/avatar-editor";
import { ContactCard } from "@/components/crm/contact-card";
import { MetricsCards } from "@/components/crm/metrics-cards";
import { NotesHidden, NotesPanel } from "@/components/crm/notes-panel";
import { PreferencesPanel } from "@/components/crm/preferences-panel";
import { PurchaseForm } from "@/components/crm/purchase-form";
import { SpendChart } from "@/components/crm/spend-chart";
import { TagChips } from "@/components/crm/tag-chip";
import { TagsPanel } from "@/components/crm/tags-panel";
import { Timeline } from "@/components/crm/timeline";
import { CUSTOMER_TYPE_LABEL } from "@/components/crm/types";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Customer" };

type Props = { params: Promise<{ businessId: string; id: string }> };

const NOTES_SHOWN = 20;
const HISTORY_READ = 100;
const AUDIT_READ = 100;

export default async function CustomerPage({ params }: Props) {
  const { businessId, id } = await params;
  const path = `/crm/${businessId}/customers/${id}`;
  if (!idSchema().safeParse(businessId).success || !idSchema().safeParse(id).success) {
    await requirePageActor(path);
    return <AccessDenied error={badRequest("That link does not point to a customer.")} />;
  }
  const result = await loadForPage(path, async (db, actor) => {
    const membership = membershipOf(actor, businessId);
    // Reading as this business (the path's), whichever one the switcher has chosen.
    const asBusiness: UserActor = membership ? { ...actor, business: membership } : actor;
    const record = await getRecord(db, actor, businessId, id);
    const role = membership?.role;
    const may = (p: Parameters<typeof hasPermission>[1]) => role !== undefined && hasPermission(role, p);
    const [notes, history, audit, tags] = await Promise.all([
      may("crm.notes") ? listNotes(db, actor, businessId, id, { limit: NOTES_SHOWN }) : null,
      getRecordHistory(db, actor, { businessId, customerId: id }, { limit: HISTORY_READ }),
      may("audit.read")
        ? auditHistory(db, asBusiness, { entityType: "crm_customer", entityId: id, limit: AUDIT_READ })
        : null,
      may("crm.write") ? listTags(db, actor, businessId) : null,
    ]);
    return { record, notes, history, audit, tags };
  });
  if (!result.ok) return <AccessDenied error={result.error} />;
  const { record, notes, history, audit, tags } = result.data;
  const membership = membershipOf(result.actor, businessId)!;
  const may = (p: Parameters<typeof hasPermission>[1]) => hasPermission(membership.role, p);
  const live = record.deleted_at === null;
  const write = may("crm.write") && live;
  // A server component renders once per request: "now" is that request's time, the chart's last month.
  const now = new Date().toISOString();
  const purchases = history.items.flatMap((h) =>
    h.kind === "purchase" ? [{ at: h.at, amount_minor: h.amount_minor }] : [],
  );

  return (
    <div className="space-y-6">
      <BackLink href={`/crm/${businessId}/customers`}>All customers</BackLink>
      <header className="flex items-start gap-4">
        {write ? (
          <AvatarEditor
            businessId={businessId}
            customerId={record.id}
            avatarUrl={record.avatar_url}
            initials={nameInitials(record.full_name)}
          />
        ) : (
          <Avatar src={record.avatar_url} initials={nameInitials(record.full_name)} />
        )}
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">
            {record.full_name}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone={record.customer_type === "vip" ? "accent" : "neutral"}>
              {CUSTOMER_TYPE_LABEL[record.customer_type]}
            </Badge>
            {record.linked && <Badge tone="brand">Clientele account</Badge>}
            {record.preferences.do_not_contact && <Badge tone="danger">Do not contact</Badge>}
            <span>Customer since {formatDate(record.created_at)}</span>
          </div>
          {record.tags && <TagChips tags={record.tags} label="This customer's tags" />}
        </div>
      </header>
      {!live && (
        <div className="space-y-2">
          <Alert tone="info">
            This record was deleted on {formatDate(record.deleted_at!)}. It is kept, read-only and out of the customer
            list, until it is restored.
          </Alert>
          {may("crm.delete") && (
            <ConfirmButton
              action={restoreRecordAction}
              fields={{ businessId, customerId: record.id }}
              label="Restore customer"
              variant="primary"
            />
          )}
        </div>
      )}
      <MetricsCards metrics={record.metrics} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-start-3 lg:row-start-1 lg:self-start">
          <ContactCard
            record={record}
            updateAction={write ? updateRecordAction : undefined}
            revertAction={write ? revertOverrideAction : undefined}
          />
          <PreferencesPanel
            businessId={businessId}
            customerId={record.id}
            preferences={record.preferences}
            action={write ? updatePreferencesAction : undefined}
          />
          {record.tags && (
            <TagsPanel
              businessId={businessId}
              customerId={record.id}
              tags={record.tags}
              businessTags={tags?.tags ?? []}
              addAction={write ? addTagAction : undefined}
              removeAction={write ? removeTagAction : undefined}
            />
          )}
          {may("crm.delete") && live && (
            <Card
              title="Delete customer"
              description="The record leaves the customer list and becomes read-only, with its history kept. An owner or admin can restore it."
            >
              <ConfirmButton
                action={deleteRecordAction}
                fields={{ businessId, customerId: record.id }}
                label="Delete customer"
                variant="danger"
                confirm={{ question: `Delete ${record.full_name}?`, yes: "Yes, delete" }}
              />
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <SpendChart points={purchases} currency={record.metrics.currency} now={now} />
          {may("crm.purchases") && live && (
            <PurchaseForm
              businessId={businessId}
              customerId={record.id}
              currency={record.metrics.currency}
              action={recordPurchaseAction}
            />
          )}
          {notes ? (
            <NotesPanel
              businessId={businessId}
              customerId={record.id}
              notes={notes.notes}
              more={notes.pagination.next_cursor !== null}
              addAction={live ? addNoteAction : undefined}
              pinAction={live ? pinNoteAction : undefined}
            />
          ) : (
            <NotesHidden message="Internal notes are visible to managers, admins and owners only." />
          )}
          <Timeline
            history={history.items}
            notes={notes?.notes ?? null}
            audit={audit?.items ?? null}
            auditHiddenReason={
              audit ? undefined : "Changes to the record's details are shown to managers, admins and owners."
            }
          />
        </div>
      </div>
    </div>
  );
}
