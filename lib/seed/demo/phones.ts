/**
 * Phone numbers as the CRM stores them: E.164 (+14155550142). A person's own number (their
 * profile's, in national format) is parsed with libphonenumber-js; Faker's numbers are shaped right
 * but not always valid (an area code nobody has), so an invalid one is repaired deterministically,
 * without drawing from faker, so the rest of the world stays as it was.
 */
import type { Faker } from "@faker-js/faker";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

const US_AREA_CODES = ["415", "212", "312", "617", "503", "206", "404", "512", "303", "718"];

/** The number in E.164, or null when even the repaired number is not a valid one. */
export function e164(raw: string, country: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(raw, country);
  if (parsed?.isValid()) return parsed.number;
  const digits = raw.replace(/\D/g, "");
  if (country !== "US" || digits.length < 10) return null;
  const last10 = digits.slice(-10);
  const area = US_AREA_CODES[Number(last10[9]) % US_AREA_CODES.length]!;
  const local = (last10[3]! < "2" ? "5" : last10[3]!) + last10.slice(4);
  const repaired = parsePhoneNumberFromString(`+1${area}${local}`);
  return repaired?.isValid() ? repaired.number : null;
}

/**
 * A new number in the business's country, in E.164, built valid rather than parsed (parsing costs
 * a fifth of a millisecond each, which the first start would pay hundreds of times): a US number
 * in one of a few real area codes with an exchange that is not an N11 service code, a German
 * mobile number. The demo's test checks every stored number with libphonenumber.
 */
export function newPhone(faker: Faker, country: "US" | "DE"): string {
  if (country === "DE") return `+4915${faker.helpers.arrayElement(["1", "2", "7"])}${faker.string.numeric(8)}`;
  const area = faker.helpers.arrayElement(US_AREA_CODES);
  let exchange = faker.number.int({ min: 200, max: 999 });
  if (exchange % 100 === 11) exchange += 1;
  return `+1${area}${exchange}${faker.string.numeric(4)}`;
}
