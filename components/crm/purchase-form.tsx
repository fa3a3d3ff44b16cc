"use client";
/**
 * Record a completed sale: the amount in the business's currency (typed as people write it, "12.50";
 * sent in minor units), how many items, and what it was. Each error shows beside its field; on
 * success the page refreshes, so the metrics, the chart and the timeline show the sale at once.
 */
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { fieldErrorsOf, formErrorOf, type ActionResult, type CrmAction } from "./action-types";

export type RecordPurchaseInput = {
  businessId: string;
  customerId: string;
  amount_minor: number;
  items: number;
  description?: string;
};

/** The currency's minor-unit digits (2 for USD, 0 for JPY). */
function digitsOf(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "12.5" → 1250 (USD); null when it is not an amount in that currency. */
export function toMinor(text: string, currency: string): number | null {
  const digits = digitsOf(currency);
  const cleaned = text.trim().replace(/[,\s]/g, "");
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
}

const FIELDS = ["amount_minor", "items", "description"] as const;

type Props = {
  businessId: string;
  customerId: string;
  currency: string;
  action: CrmAction<RecordPurchaseInput, unknown>;
};

export function PurchaseForm({ businessId, customerId, currency, action }: Props) {
  const router = useRouter();
  const [amount, setAmount] = useState("");
  const [items, setItems] = useState("1");
  const [description, setDescription] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const server = fieldErrorsOf(result);
  const errors = {
    amount: localErrors.amount ?? server.amount_minor?.join(" ") ?? server.currency?.join(" "),
    items: localErrors.items ?? server.items?.join(" "),
    description: server.description?.join(" "),
  };
  const digits = digitsOf(currency);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const minor = toMinor(amount, currency);
    const count = Number(items);
    const local: Record<string, string> = {};
    if (minor === null || minor <= 0)
      local.amount =
        digits === 0 ? "Enter the amount as a whole number, such as 1200." : `Enter the amount, such as 12.50.`;
    if (!Number.isInteger(count) || count < 1) local.items = "Items is a whole number of at least 1.";
    setLocalErrors(local);
    if (Object.keys(local).length > 0) {
      form.current?.querySelector<HTMLElement>(local.amount ? "#purchase-amount" : "#purchase-items")?.focus();
      return;
    }
    startTransition(async () => {
      const outcome = await action(null, {
        businessId,
        customerId,
        amount_minor: minor!,
        items: count,
        ...(description.trim() && { description }),
      });
      setResult(outcome);
      if (outcome.ok) {
        setStatus(`Purchase of ${formatMoney(minor!, currency)} recorded.`);
        setAmount("");
        setItems("1");
        setDescription("");
        router.refresh();
      } else {
        setStatus(null);
        form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      }
    });
  };

  return (
    <Card title="Record a purchase">
      <form ref={form} onSubmit={submit} noValidate className="space-y-4" aria-label="Record a purchase">
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-[1fr_6rem]">
          <Field name="amount" id="purchase-amount" label={`Amount (${currency})`} error={errors.amount}>
            {(control) => (
              <Input
                {...control}
                inputMode="decimal"
                autoComplete="off"
                placeholder={digits === 0 ? "1200" : "12.50"}
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
          <Field name="items" id="purchase-items" label="Items" error={errors.items}>
            {(control) => (
              <Input
                {...control}
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={items}
                onChange={(e) => setItems(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          name="description"
          id="purchase-description"
          label="What was it?"
          hint="Optional."
          error={errors.description}
        >
          {(control) => (
            <Input
              {...control}
              maxLength={500}
              autoComplete="off"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Alert>{formErrorOf(result, [...FIELDS, "currency"])}</Alert>
        <Alert tone="success">{status}</Alert>
        <Button type="submit" pending={pending}>
          Record purchase
        </Button>
      </form>
    </Card>
  );
}
