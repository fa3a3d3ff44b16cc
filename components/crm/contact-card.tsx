"use client";
/**
 * A record's contact details. On a record linked to the person's Clientele account, each field the
 * business set itself over the person's own value is marked "Your value" with a button that
 * reverts it to theirs. "Edit" opens the form in place (for those who may edit).
 */
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { readablePhone } from "@/lib/crm/phone-display";
import type { ActionResult, CrmAction } from "./action-types";
import { addressForm } from "./address-fields";
import { CustomerForm, type CustomerFields, type UpdateCustomerInput } from "./customer-form";
import { useDisclosureFocus } from "./use-disclosure-focus";
import { CUSTOMER_TYPE_LABEL, type ContactField, type CustomerRecordView } from "./types";

export type RevertInput = { businessId: string; customerId: string; field: ContactField };

const FIELD_LABEL: Record<ContactField, string> = {
  full_name: "Name",
  phone: "Phone",
  email: "Email",
  address: "Address",
};

type Props = {
  record: CustomerRecordView;
  updateAction?: CrmAction<UpdateCustomerInput, unknown>;
  revertAction?: CrmAction<RevertInput, unknown>;
};

export function ContactCard({ record, updateAction, revertAction }: Props) {
  const { open: editing, openIt, close, button: editButton, panel: editPanel } = useDisclosureFocus();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [reverting, setReverting] = useState<ContactField | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const overridden = new Set(record.overridden_fields);

  const revert = (field: ContactField) => {
    if (!revertAction) return;
    setReverting(field);
    startTransition(async () => {
      const outcome = await revertAction(null, { businessId: record.business_id, customerId: record.id, field });
      setResult(outcome);
      setReverting(null);
      if (outcome.ok) router.refresh();
    });
  };

  const row = (field: ContactField, value: ReactNode) => (
    <div key={field} className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[7rem_1fr] sm:gap-3">
      <dt className="text-sm font-medium text-slate-600">{FIELD_LABEL[field]}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-slate-900">
        <span className="min-w-0 break-words">{value}</span>
        {overridden.has(field) && (
          <>
            <Badge tone="warning">
              <span aria-hidden>✎&nbsp;</span>Your value
              <span className="sr-only">: overrides the customer&apos;s own {FIELD_LABEL[field].toLowerCase()}</span>
            </Badge>
            {revertAction && (
              <Button
                size="sm"
                variant="ghost"
                className="h-7 px-2 text-brand-700"
                onClick={() => revert(field)}
                pending={pending && reverting === field}
                aria-label={`Revert ${FIELD_LABEL[field].toLowerCase()} to the customer's own`}
              >
                Revert
              </Button>
            )}
          </>
        )}
      </dd>
    </div>
  );

  const missing = <span className="text-muted">Not given</span>;
  const address = record.address
    ? [
        record.address.line1,
        record.address.line2,
        record.address.city,
        record.address.region,
        record.address.postal_code,
        record.address.country,
      ]
        .filter(Boolean)
        .join(", ")
    : null;

  const initial: CustomerFields = {
    full_name: record.full_name,
    email: record.email ?? "",
    phone: record.phone ?? "",
    customer_type: record.customer_type,
    gender: record.gender ?? "",
    address: addressForm(record.address),
  };

  return (
    <Card
      title="Contact"
      description={
        record.linked
          ? "Linked to the customer's Clientele account: their own details show unless you set yours."
          : "Kept by your business."
      }
      actions={
        updateAction && !editing ? (
          <Button size="sm" variant="secondary" ref={editButton} onClick={openIt}>
            Edit<span className="sr-only"> contact details</span>
          </Button>
        ) : null
      }
    >
      {editing && updateAction ? (
        <div ref={editPanel}>
          <CustomerForm
            mode="edit"
            businessId={record.business_id}
            customerId={record.id}
            initial={initial}
            linked={record.linked}
            action={updateAction}
            onCancel={close}
            onSaved={close}
          />
        </div>
      ) : (
        <>
          <dl className="divide-y divide-slate-100">
            {row("full_name", record.full_name)}
            {row(
              "phone",
              record.phone ? (
                <a href={`tel:${record.phone}`} className="tabular-nums hover:underline">
                  {readablePhone(record.phone)}
                </a>
              ) : (
                missing
              ),
            )}
            {row(
              "email",
              record.email ? (
                <a href={`mailto:${record.email}`} className="break-all hover:underline">
                  {record.email}
                </a>
              ) : (
                missing
              ),
            )}
            {row("address", address ?? missing)}
            <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[7rem_1fr] sm:gap-3">
              <dt className="text-sm font-medium text-slate-600">Type</dt>
              <dd className="text-sm text-slate-900">{CUSTOMER_TYPE_LABEL[record.customer_type]}</dd>
            </div>
            <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[7rem_1fr] sm:gap-3">
              <dt className="text-sm font-medium text-slate-600">Gender</dt>
              <dd className="text-sm text-slate-900">
                {record.gender ? <span className="capitalize">{record.gender}</span> : missing}
              </dd>
            </div>
          </dl>
          <Alert className="mt-2">{result && !result.ok ? result.error.message : null}</Alert>
        </>
      )}
    </Card>
  );
}
