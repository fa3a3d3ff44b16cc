"use client";
/** "Add a customer": a button that opens the create form in place (and back), focus following. */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CrmAction } from "./action-types";
import { CustomerForm, type CreateCustomerInput } from "./customer-form";

export function AddCustomer({
  businessId,
  action,
  startOpen = false,
}: {
  businessId: string;
  action: CrmAction<CreateCustomerInput, { id: string }>;
  startOpen?: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  const opened = useRef(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open && opened.current) panel.current?.querySelector<HTMLElement>("input")?.focus();
    if (!open && opened.current) toggle.current?.focus();
  }, [open]);
  return (
    <div className="space-y-4">
      {!open && (
        <Button
          ref={toggle}
          onClick={() => {
            opened.current = true;
            setOpen(true);
          }}
          aria-expanded={false}
        >
          Add a customer
        </Button>
      )}
      {open && (
        <div ref={panel}>
          <Card
            title="New customer"
            description="A name is enough to start; a phone or email lets you find them again."
          >
            <CustomerForm
              mode="create"
              businessId={businessId}
              action={action}
              onCancel={() => {
                opened.current = true;
                setOpen(false);
              }}
            />
          </Card>
        </div>
      )}
    </div>
  );
}
