/**
 * Phone numbers as the CRM stores them: E.164 (+14155550142), parsed with libphonenumber-js with
 * the business's country as the default. Faker's numbers are shaped right but not always valid
 * (an area code nobody has); those are repaired deterministically, without drawing from faker, so
 * the rest of the world stays as it was.
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

/** A new valid number in the business's country, in E.164. */
export function newPhone(faker: Faker, country: "US" | "DE"): string | null {
  if (country === "DE") {
    return e164(`+49 15${faker.helpers.arrayElement(["1", "2", "7"])} ${faker.string.numeric(8)}`, "DE");
  }
  return e164(faker.phone.number({ style: "national" }), "US");
}
