/**
 * What each demo business keeps in its CRM: its tags, what it sells (price ranges in minor units
 * of the business's currency), the preferences it notes down, typical staff notes, and whether
 * it books appointments. Data only; crm.ts turns it into rows.
 */
import type { Faker } from "@faker-js/faker";
import type { NoteType } from "@/db/schema";
import type { BusinessKey } from "./people";

type PreferenceValue = string | number | boolean | string[];

export type CrmProfile = {
  tags: { name: string; color: string }[];
  products: { description: string; min: number; max: number; wholesale?: boolean }[];
  preferences: (f: Faker) => Record<string, PreferenceValue>;
  /** Typical staff notes, each with its type (personal, preference, issue, feedback). */
  notes: { type: NoteType; body: string }[];
  /** Appointment lengths in minutes; absent when the business books none (other than wholesale pickups). */
  appointmentMinutes?: number[];
  /** Records without a platform account (walk-ins and people who never signed up). */
  unlinked: number;
  /** Generated platform customers who also have a record here. */
  linked: number;
};

const some = <T>(f: Faker, values: readonly T[], max: number) => f.helpers.arrayElements(values, { min: 1, max });

export const CRM_PROFILES: Partial<Record<BusinessKey, CrmProfile>> = {
  bloom: {
    tags: [
      { name: "Oat milk", color: "green" },
      { name: "Loyalty card", color: "amber" },
      { name: "Birthday club", color: "pink" },
      { name: "Catering", color: "blue" },
      { name: "Nut allergy", color: "red" },
      { name: "Remote worker", color: "slate" },
      { name: "Regular 8am", color: "violet" },
      { name: "Wholesale", color: "indigo" },
    ],
    products: [
      { description: "Flat white", min: 450, max: 520 },
      { description: "Cappuccino", min: 450, max: 500 },
      { description: "Pastry & coffee", min: 750, max: 950 },
      { description: "Lunch set", min: 1250, max: 1650 },
      { description: "Bag of beans (250 g)", min: 1400, max: 1800 },
      { description: "Gift card", min: 2500, max: 5000 },
      { description: "Catering order", min: 15_000, max: 60_000, wholesale: true },
      { description: "Wholesale beans (5 kg)", min: 9_000, max: 14_000, wholesale: true },
    ],
    preferences: (f) => ({
      ...(f.datatype.boolean(0.7) && {
        coffee: f.helpers.arrayElement([
          "oat flat white",
          "double espresso",
          "iced latte",
          "chai latte",
          "decaf cappuccino",
        ]),
      }),
      ...(f.datatype.boolean(0.5) && { milk: f.helpers.arrayElement(["oat", "whole", "almond", "skim", "none"]) }),
      ...(f.datatype.boolean(0.3) && { pastries: some(f, ["croissant", "scone", "cinnamon roll", "banana bread"], 2) }),
      ...(f.datatype.boolean(0.3) && { table: f.helpers.arrayElement(["window", "patio", "bar", "quiet corner"]) }),
      ...(f.datatype.boolean(0.4) && { loyalty_stamps: f.number.int({ min: 0, max: 9 }) }),
      ...(f.datatype.boolean(0.1) && { allergies: some(f, ["nuts", "gluten", "dairy"], 2) }),
      ...(f.datatype.boolean(0.3) && { newsletter: f.datatype.boolean() }),
    }),
    notes: [
      { type: "preference", body: "Prefers the window seat in the mornings." },
      { type: "personal", body: "Brings their own cup: apply the reusable-cup discount." },
      { type: "personal", body: "Asked about catering for an office party in December." },
      { type: "issue", body: "Allergic to nuts, double-check the pastries." },
      { type: "personal", body: "Usually in with a laptop around 8am, stays until lunch." },
      { type: "feedback", body: "Loves the seasonal pumpkin bread, tell them when it is back." },
      { type: "personal", body: "Paid with a gift card from their sister." },
      { type: "issue", body: "Complained the flat white was lukewarm; remade it, all fine." },
    ],
    unlinked: 272,
    linked: 25,
  },
  salon: {
    tags: [
      { name: "Colour client", color: "pink" },
      { name: "Sensitive scalp", color: "red" },
      { name: "Referral", color: "green" },
      { name: "Bridal", color: "violet" },
      { name: "Curly hair", color: "amber" },
    ],
    products: [
      { description: "Cut & blow-dry", min: 4_500, max: 6_500 },
      { description: "Colour", min: 8_000, max: 14_000 },
      { description: "Highlights", min: 11_000, max: 18_000 },
      { description: "Treatment", min: 2_500, max: 4_000 },
      { description: "Hair products", min: 1_500, max: 4_500 },
    ],
    preferences: (f) => ({
      stylist: f.helpers.arrayElement(["Maya", "Lena", "Jordan"]),
      ...(f.datatype.boolean(0.5) && {
        products: some(f, ["sulfate-free shampoo", "argan oil", "heat protectant"], 2),
      }),
      ...(f.datatype.boolean(0.6) && { sms_reminders: f.datatype.boolean(0.8) }),
      ...(f.datatype.boolean(0.3) && { drink: f.helpers.arrayElement(["sparkling water", "green tea", "espresso"]) }),
      ...(f.datatype.boolean(0.2) && {
        colour_formula: f.helpers.arrayElement(["6N + 7G gloss", "8A toner", "5RR + 20 vol"]),
      }),
    }),
    notes: [
      { type: "preference", body: "Prefers quiet appointments." },
      { type: "personal", body: "Patch test done, no reaction." },
      { type: "personal", body: "Booked for a wedding trial in the spring." },
      { type: "issue", body: "Runs late sometimes; leave a 10 minute buffer." },
      { type: "feedback", body: "Referred two friends this year." },
    ],
    appointmentMinutes: [30, 45, 60, 90, 120],
    unlinked: 67,
    linked: 10,
  },
  sparkle: {
    tags: [
      { name: "Biweekly", color: "blue" },
      { name: "Has pets", color: "amber" },
      { name: "Key holder", color: "slate" },
      { name: "Office contract", color: "indigo" },
      { name: "Eco products only", color: "green" },
    ],
    products: [
      { description: "Standard clean", min: 8_000, max: 12_000 },
      { description: "Deep clean", min: 18_000, max: 30_000 },
      { description: "Window add-on", min: 3_000, max: 5_000 },
      { description: "Office contract (monthly)", min: 60_000, max: 120_000, wholesale: true },
    ],
    preferences: (f) => ({
      frequency: f.helpers.arrayElement(["weekly", "biweekly", "monthly"]),
      ...(f.datatype.boolean(0.4) && { eco_products: true }),
      ...(f.datatype.boolean(0.3) && { pets: some(f, ["dog", "cat"], 2) }),
      ...(f.datatype.boolean(0.3) && { key_safe: f.datatype.boolean() }),
    }),
    notes: [
      { type: "personal", body: "Spare key in the lockbox by the back door." },
      { type: "preference", body: "Skip the study, they work from home." },
      { type: "preference", body: "Use the eco range only; the toddler has eczema." },
      { type: "issue", body: "Dog is friendly but will try to escape through the front door." },
    ],
    appointmentMinutes: [120, 180, 240],
    unlinked: 8,
    linked: 8,
  },
  hank: {
    tags: [
      { name: "Repeat", color: "green" },
      { name: "Landlord", color: "indigo" },
      { name: "Warranty", color: "amber" },
    ],
    products: [
      { description: "Call-out", min: 6_500, max: 9_500 },
      { description: "Repair job", min: 12_000, max: 45_000 },
      { description: "Parts", min: 1_500, max: 9_000 },
    ],
    preferences: (f) => ({
      preferred_day: f.helpers.arrayElement(["Monday", "Wednesday", "Friday", "Saturday"]),
      ...(f.datatype.boolean(0.3) && { landlord: true }),
    }),
    notes: [
      { type: "issue", body: "Old building, check the stopcock first." },
      { type: "preference", body: "Pays by bank transfer, send an invoice." },
      { type: "preference", body: "Wants a quote before any work." },
    ],
    unlinked: 6,
    linked: 4,
  },
  greenthumb: {
    tags: [
      { name: "Seasonal contract", color: "green" },
      { name: "Organic only", color: "amber" },
    ],
    products: [
      { description: "Garden visit", min: 7_000, max: 15_000 },
      { description: "Lawn treatment", min: 4_500, max: 8_000 },
      { description: "Plants & materials", min: 2_000, max: 12_000 },
    ],
    preferences: (f) => ({
      ...(f.datatype.boolean(0.5) && { organic_only: true }),
      ...(f.datatype.boolean(0.5) && {
        visit_frequency: f.helpers.arrayElement(["fortnightly", "monthly", "seasonal"]),
      }),
    }),
    notes: [
      { type: "personal", body: "Large back garden, side gate access." },
      { type: "preference", body: "Keep the wildflower patch unmown." },
      { type: "personal", body: "Compost bin by the shed can be used." },
    ],
    unlinked: 6,
    linked: 4,
  },
};
