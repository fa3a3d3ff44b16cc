"use client";
/**
 * How the business may reach a customer. "Do not contact" is shown loudly at the top and overrides
 * every opt-in: an opt-in the customer gave is then shown struck through, "overridden", so nobody
 * reads it as permission. Those who may edit get the form in place.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { fieldErrorsOf, formErrorOf, type ActionResult, type CrmAction } from "./action-types";
import type { PreferencesView } from "./types";
import { useDisclosureFocus } from "./use-disclosure-focus";

type Flags = Pick<
  PreferencesView,
  "prefer_sms" | "prefer_email" | "prefer_call" | "do_not_contact" | "can_receive_offers" | "can_receive_loyalty"
>;

export type PreferencesInput = { businessId: string; customerId: string } & Partial<Flags> & {
    best_contact_time?: string | null;
    preferred_payment?: string | null;
    favorite_products?: string[];
  };

const OPT_INS: { key: keyof Flags; contactable: keyof PreferencesView["contactable"]; label: string }[] = [
  { key: "prefer_sms", contactable: "sms", label: "Text messages (SMS)" },
  { key: "prefer_email", contactable: "email", label: "Email" },
  { key: "prefer_call", contactable: "call", label: "Phone calls" },
  { key: "can_receive_offers", contactable: "offers", label: "Offers and promotions" },
  { key: "can_receive_loyalty", contactable: "loyalty", label: "Loyalty programme" },
];

type Props = {
  businessId: string;
  customerId: string;
  preferences: PreferencesView;
  action?: CrmAction<PreferencesInput, unknown>;
};

export function PreferencesPanel({ businessId, customerId, preferences, action }: Props) {
  const { open: editing, openIt, close, button: editButton, panel: editPanel } = useDisclosureFocus();
  const dnc = preferences.do_not_contact;
  return (
    <Card
      title="Contact preferences"
      actions={
        action && !editing ? (
          <Button size="sm" variant="secondary" ref={editButton} onClick={openIt}>
            Edit<span className="sr-only"> contact preferences</span>
          </Button>
        ) : null
      }
    >
      {dnc && (
        <div
          role="note"
          aria-label="Do not contact"
          className="mb-4 flex items-start gap-3 rounded-xl border-2 border-red-300 bg-red-50 px-4 py-3 text-red-900"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0" fill="currentColor">
            <path
              fillRule="evenodd"
              d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM5.3 6.36a6 6 0 0 0 8.34 8.34L5.3 6.36Zm1.06-1.06 8.34 8.34A6 6 0 0 0 6.36 5.3Z"
              clipRule="evenodd"
            />
          </svg>
          <div>
            <p className="text-base font-bold uppercase tracking-wide">Do not contact</p>
            <p className="text-sm">
              This customer asked not to be contacted. It overrides every opt-in below: no messages, calls, offers or
              loyalty mail.
            </p>
          </div>
        </div>
      )}
      {editing && action ? (
        <div ref={editPanel}>
          <PreferencesForm
            businessId={businessId}
            customerId={customerId}
            preferences={preferences}
            action={action}
            onDone={close}
          />
        </div>
      ) : (
        <>
          <ul aria-label="Opt-ins" className="divide-y divide-slate-100">
            {OPT_INS.map((o) => {
              const given = preferences[o.key];
              const overridden = given && !preferences.contactable[o.contactable];
              return (
                <li key={o.key} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className={cn("text-slate-800", overridden && "line-through decoration-red-600")}>
                    {o.label}
                  </span>
                  {overridden ? (
                    <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-200">
                      Opted in, overridden
                    </span>
                  ) : given ? (
                    <span className="text-xs font-medium text-emerald-800">Yes</span>
                  ) : (
                    <span className="text-xs text-muted">No</span>
                  )}
                </li>
              );
            })}
          </ul>
          <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
            <Detail label="Best time" value={preferences.best_contact_time} />
            <Detail label="Pays with" value={preferences.preferred_payment} />
            <Detail
              label="Favourites"
              value={preferences.favorite_products.length ? preferences.favorite_products.join(", ") : null}
            />
          </dl>
        </>
      )}
    </Card>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{value ?? <span className="text-muted">Not given</span>}</dd>
    </div>
  );
}

function PreferencesForm({
  businessId,
  customerId,
  preferences,
  action,
  onDone,
}: {
  businessId: string;
  customerId: string;
  preferences: PreferencesView;
  action: CrmAction<PreferencesInput, unknown>;
  onDone: () => void;
}) {
  const router = useRouter();
  const [flags, setFlags] = useState<Flags>({
    prefer_sms: preferences.prefer_sms,
    prefer_email: preferences.prefer_email,
    prefer_call: preferences.prefer_call,
    do_not_contact: preferences.do_not_contact,
    can_receive_offers: preferences.can_receive_offers,
    can_receive_loyalty: preferences.can_receive_loyalty,
  });
  const [bestTime, setBestTime] = useState(preferences.best_contact_time ?? "");
  const [payment, setPayment] = useState(preferences.preferred_payment ?? "");
  const [favourites, setFavourites] = useState(preferences.favorite_products.join(", "));
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = fieldErrorsOf(result);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await action(null, {
        businessId,
        customerId,
        ...flags,
        best_contact_time: bestTime,
        preferred_payment: payment,
        favorite_products: favourites
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      });
      setResult(outcome);
      if (outcome.ok) {
        onDone();
        router.refresh();
      }
    });
  };

  const box = (key: keyof Flags, label: string, hint?: string) => (
    <label key={key} className="flex items-start gap-2 py-1.5 text-sm text-slate-800">
      <input
        type="checkbox"
        className="mt-0.5 size-4 rounded border-slate-300"
        checked={flags[key]}
        onChange={(e) => setFlags((f) => ({ ...f, [key]: e.target.checked }))}
      />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
        {errors[key] && <span className="block text-sm text-red-700">{errors[key].join(" ")}</span>}
      </span>
    </label>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Edit contact preferences">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Do not contact</legend>
        {box("do_not_contact", "Do not contact this customer", "Overrides every opt-in below while it is set.")}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Opt-ins</legend>
        {OPT_INS.map((o) => box(o.key, o.label))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          name="best_contact_time"
          id="pref-best-time"
          label="Best time to contact"
          error={errors.best_contact_time}
        >
          {(control) => (
            <Input {...control} maxLength={100} value={bestTime} onChange={(e) => setBestTime(e.target.value)} />
          )}
        </Field>
        <Field name="preferred_payment" id="pref-payment" label="Preferred payment" error={errors.preferred_payment}>
          {(control) => (
            <Input {...control} maxLength={50} value={payment} onChange={(e) => setPayment(e.target.value)} />
          )}
        </Field>
        <Field
          name="favorite_products"
          id="pref-favourites"
          label="Favourite products"
          hint="Separate them with commas."
          error={errors.favorite_products}
        >
          {(control) => <Input {...control} value={favourites} onChange={(e) => setFavourites(e.target.value)} />}
        </Field>
      </div>
      <Alert>
        {formErrorOf(result, [
          "do_not_contact",
          "prefer_sms",
          "prefer_email",
          "prefer_call",
          "can_receive_offers",
          "can_receive_loyalty",
          "best_contact_time",
          "preferred_payment",
          "favorite_products",
        ])}
      </Alert>
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Save preferences
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
