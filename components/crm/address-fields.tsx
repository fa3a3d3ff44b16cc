"use client";
/**
 * A postal address inside the customer form: optional as a whole (all blank is no address, and
 * clearing every line removes one), but once begun, the street, city, postal code and country are
 * needed, and the server says which is missing beside it ("address.city").
 */
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AddressView } from "./types";

export type AddressForm = Record<keyof AddressView, string>;

const LINES: { name: keyof AddressView; label: string; autoComplete: string; wide?: boolean; maxLength: number }[] = [
  { name: "line1", label: "Street address", autoComplete: "address-line1", wide: true, maxLength: 200 },
  { name: "line2", label: "Apartment, suite (optional)", autoComplete: "address-line2", wide: true, maxLength: 200 },
  { name: "city", label: "City", autoComplete: "address-level2", maxLength: 100 },
  { name: "region", label: "State or region (optional)", autoComplete: "address-level1", maxLength: 100 },
  { name: "postal_code", label: "Postal code", autoComplete: "postal-code", maxLength: 20 },
  { name: "country", label: "Country code", autoComplete: "country", maxLength: 2 },
];

/** The address fields' names as the server reports their errors, for focusing the first invalid one. */
export const ADDRESS_FIELDS = LINES.map((l) => `address.${l.name}`);

/** The id of a form control by the name its errors come under ("address.city" is `<prefix>-address-city`). */
export const controlId = (idPrefix: string, name: string) => `${idPrefix}-${name.replace(".", "-")}`;

export function addressForm(address: AddressView | null): AddressForm {
  return {
    line1: address?.line1 ?? "",
    line2: address?.line2 ?? "",
    city: address?.city ?? "",
    region: address?.region ?? "",
    postal_code: address?.postal_code ?? "",
    country: address?.country ?? "",
  };
}

/** What the form sends: null when every line is blank. */
export function addressInput(form: AddressForm): AddressForm | null {
  return Object.values(form).every((v) => v.trim() === "") ? null : form;
}

type Props = {
  idPrefix: string;
  value: AddressForm;
  onChange: (value: AddressForm) => void;
  errors: Record<string, string[]>;
};

export function AddressFields({ idPrefix, value, onChange, errors }: Props) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Address</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {LINES.map(({ name, label, autoComplete, wide, maxLength }) => (
          <div key={name} className={wide ? "sm:col-span-2" : undefined}>
            <Field
              name={`address.${name}`}
              id={controlId(idPrefix, `address.${name}`)}
              label={label}
              error={errors[`address.${name}`]}
              hint={name === "country" ? "Two letters, such as US or RO." : undefined}
            >
              {(control) => (
                <Input
                  {...control}
                  autoComplete={`section-${idPrefix} ${autoComplete}`}
                  maxLength={maxLength}
                  value={value[name]}
                  onChange={(e) => onChange({ ...value, [name]: e.target.value })}
                />
              )}
            </Field>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
