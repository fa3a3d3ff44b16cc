"use client";
/**
 * Create a customer record, or edit one's contact fields: every field labelled, each error beside
 * its field (the server's own words), the first invalid field focused. Blank email or phone clears
 * it; the phone is normalised to E.164 by the server with the business's country as the default.
 * The address is optional as a whole (address-fields.tsx).
 */
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { fieldErrorsOf, formErrorOf, type ActionResult, type CrmAction } from "./action-types";
import {
  AddressFields,
  controlId,
  addressForm,
  addressInput,
  ADDRESS_FIELDS,
  type AddressForm,
} from "./address-fields";
import { CUSTOMER_TYPE_LABEL, type CustomerType } from "./types";

export type CustomerFields = {
  full_name: string;
  email: string;
  phone: string;
  customer_type: CustomerType;
  gender: "" | "male" | "female" | "other";
  address: AddressForm;
};

const FIELDS = ["full_name", "email", "phone", "customer_type", "gender", "address"] as const;
/** The names the server reports errors under, in the form's order, for focusing the first. */
const ERROR_FIELDS = ["full_name", "phone", "email", "customer_type", "gender", ...ADDRESS_FIELDS];

export type CreateCustomerInput = { businessId: string } & Partial<Omit<CustomerFields, "gender" | "address">> & {
    gender?: CustomerFields["gender"] | null;
    address?: AddressForm | null;
  };
export type UpdateCustomerInput = CreateCustomerInput & { customerId: string };

type Props =
  | {
      mode: "create";
      businessId: string;
      action: CrmAction<CreateCustomerInput, { id: string }>;
      onCancel?: () => void;
    }
  | {
      mode: "edit";
      businessId: string;
      customerId: string;
      initial: CustomerFields;
      /** Fields the person's own profile supplies on a linked record: an edit here overrides them. */
      linked: boolean;
      action: CrmAction<UpdateCustomerInput, unknown>;
      onCancel?: () => void;
      onSaved?: () => void;
    };

const EMPTY: CustomerFields = {
  full_name: "",
  email: "",
  phone: "",
  customer_type: "regular",
  gender: "",
  address: addressForm(null),
};

export function CustomerForm(props: Props) {
  const router = useRouter();
  const initial = props.mode === "edit" ? props.initial : EMPTY;
  const [values, setValues] = useState<CustomerFields>(initial);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(result);
  const formError = formErrorOf(result, ERROR_FIELDS);
  const idPrefix = props.mode === "create" ? "new-customer" : "edit-customer";

  const set = <K extends keyof CustomerFields>(name: K, value: CustomerFields[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      let outcome: ActionResult;
      if (props.mode === "create") {
        outcome = await props.action(null, {
          businessId: props.businessId,
          full_name: values.full_name,
          email: values.email,
          phone: values.phone,
          customer_type: values.customer_type,
          gender: values.gender || null,
          address: addressInput(values.address),
        });
      } else {
        // Only what changed: an untouched field of a linked record stays the person's own.
        const changed: Partial<CustomerFields> = {};
        for (const name of FIELDS) {
          if (JSON.stringify(values[name]) !== JSON.stringify(initial[name]))
            Object.assign(changed, { [name]: values[name] });
        }
        if (Object.keys(changed).length === 0) {
          props.onSaved?.();
          return;
        }
        outcome = await props.action(null, {
          businessId: props.businessId,
          customerId: props.customerId,
          ...changed,
          ...("gender" in changed && { gender: values.gender || null }),
          ...("address" in changed && { address: addressInput(values.address) }),
        });
      }
      setResult(outcome);
      if (!outcome.ok) {
        const firstInvalid = ERROR_FIELDS.find((f) => outcome.ok === false && outcome.error.fieldErrors?.[f]?.length);
        if (firstInvalid) document.getElementById(controlId(idPrefix, firstInvalid))?.focus();
        return;
      }
      if (props.mode === "create") {
        router.push(`/crm/${props.businessId}/customers/${(outcome.data as { id: string }).id}`);
      } else {
        props.onSaved?.();
        router.refresh();
      }
    });
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-label={props.mode === "create" ? "New customer" : "Edit contact details"}
    >
      {props.mode === "edit" && props.linked && (
        <p className="text-sm text-slate-600">
          This customer has a Clientele account: what you change here is kept as your business&apos;s own value over
          theirs, and can be reverted.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="full_name" id={`${idPrefix}-full_name`} label="Name" error={errors.full_name ?? errors.name}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              required
              maxLength={100}
              value={values.full_name}
              onChange={(e) => set("full_name", e.target.value)}
            />
          )}
        </Field>
        <Field
          name="phone"
          id={`${idPrefix}-phone`}
          label="Phone"
          error={errors.phone}
          hint="Any format; numbers without a country code take your business's."
        >
          {(control) => (
            <Input
              {...control}
              type="tel"
              autoComplete="off"
              inputMode="tel"
              maxLength={40}
              value={values.phone}
              onChange={(e) => set("phone", e.target.value)}
            />
          )}
        </Field>
        <Field name="email" id={`${idPrefix}-email`} label="Email" error={errors.email}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set("email", e.target.value)}
            />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field name="customer_type" id={`${idPrefix}-customer_type`} label="Type" error={errors.customer_type}>
            {(control) => (
              <Select
                {...control}
                value={values.customer_type}
                onChange={(e) => set("customer_type", e.target.value as CustomerType)}
              >
                {(Object.keys(CUSTOMER_TYPE_LABEL) as CustomerType[]).map((t) => (
                  <option key={t} value={t}>
                    {CUSTOMER_TYPE_LABEL[t]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="gender" id={`${idPrefix}-gender`} label="Gender" error={errors.gender}>
            {(control) => (
              <Select
                {...control}
                value={values.gender}
                onChange={(e) => set("gender", e.target.value as CustomerFields["gender"])}
              >
                <option value="">Not given</option>
                <option value="female">Female</option>
                <option value="male">Male</option>
                <option value="other">Other</option>
              </Select>
            )}
          </Field>
        </div>
      </div>
      <AddressFields
        idPrefix={idPrefix}
        value={values.address}
        onChange={(address) => set("address", address)}
        errors={errors}
      />
      <Alert>{formError}</Alert>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          {props.mode === "create" ? "Add customer" : "Save changes"}
        </Button>
        {props.onCancel && (
          <Button variant="ghost" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
