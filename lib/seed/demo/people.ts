/**
 * Who is in the demo world: the businesses and their staff (every role, one person at two
 * businesses), the named demo customers (one per visibility) and ~60 generated customers so
 * providers have a list worth browsing.
 */
import type * as s from "@/db/schema";
import type { JobCategory } from "@/lib/marketplace/jobs/categories";
import { daysBefore } from "@/lib/seed/catalog";
import { DEMO_ACCOUNTS, type DemoEmail } from "./accounts";
import { newId, type Ctx } from "./world";

export type BusinessKey = "bloom" | "salon" | "sparkle" | "hank" | "greenthumb" | "paws" | "brightspark";

export type BusinessRef = {
  id: string;
  key: BusinessKey;
  name: string;
  currency: "USD" | "EUR";
  /** ISO 3166 country: the default for phone numbers written without one (the euro business is in Germany). */
  country: "US" | "DE";
  isProvider: boolean;
  categories: readonly JobCategory[];
  createdAt: Date;
  /** Staff user ids, owner first. */
  staff: { userId: string; role: s.StaffRole }[];
};

export type CustomerRef = {
  id: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  createdAt: Date;
  providerVisibility: s.ProviderVisibility;
  socialVisibility: s.SocialVisibility;
  /** The customers row, so later builders can fill in e.g. the Stripe customer id. */
  row: typeof s.customers.$inferInsert;
};

export type People = {
  businesses: Record<BusinessKey, BusinessRef>;
  providers: BusinessRef[];
  alice: CustomerRef;
  bob: CustomerRef;
  carol: CustomerRef;
  dana: CustomerRef;
  generated: CustomerRef[];
  all: CustomerRef[];
  userIdByEmail: Map<string, string>;
};

const BUSINESSES: {
  key: BusinessKey;
  name: string;
  currency: "USD" | "EUR";
  ageDays: number;
  categories: JobCategory[];
}[] = [
  { key: "bloom", name: "Bloom & Brew Café", currency: "USD", ageDays: 1100, categories: [] },
  { key: "salon", name: "Luxe Locks Salon", currency: "EUR", ageDays: 800, categories: [] },
  {
    key: "sparkle",
    name: "Sparkle Cleaning Co.",
    currency: "USD",
    ageDays: 950,
    categories: ["House cleaning", "Deep cleaning", "Move-out cleaning", "Window cleaning"],
  },
  {
    key: "hank",
    name: "Handy Hank's Repairs",
    currency: "USD",
    ageDays: 900,
    categories: ["Handyman", "Plumbing", "Furniture assembly", "Painting"],
  },
  {
    key: "greenthumb",
    name: "GreenThumb Gardens",
    currency: "USD",
    ageDays: 700,
    categories: ["Gardening", "Lawn care", "Tree trimming"],
  },
  {
    key: "paws",
    name: "Paws & Claws Pet Care",
    currency: "USD",
    ageDays: 500,
    categories: ["Pet sitting", "Dog walking"],
  },
  {
    key: "brightspark",
    name: "Bright Spark Electric",
    currency: "USD",
    ageDays: 600,
    categories: ["Electrical", "Smart home setup"],
  },
];

/** Memberships of the named staff accounts, in the order they joined. */
const STAFF: { email: DemoEmail; business: BusinessKey; role: s.StaffRole }[] = [
  { email: "owner@bloom.test", business: "bloom", role: "owner" },
  { email: "admin@bloom.test", business: "bloom", role: "admin" },
  { email: "manager@bloom.test", business: "bloom", role: "manager" },
  { email: "staff@bloom.test", business: "bloom", role: "staff" },
  { email: "owner@salon.test", business: "salon", role: "owner" },
  { email: "stylist@salon.test", business: "salon", role: "staff" },
  { email: "owner@sparkle.test", business: "sparkle", role: "owner" },
  { email: "staff@sparkle.test", business: "sparkle", role: "staff" },
  { email: "owner@handyhank.test", business: "hank", role: "owner" },
  { email: "owner@greenthumb.test", business: "greenthumb", role: "owner" },
  { email: "owner@pawsclaws.test", business: "paws", role: "owner" },
  { email: "owner@brightspark.test", business: "brightspark", role: "owner" },
  // The switcher account: staff at the café first, then manager at the salon.
  { email: "multi@clientele.test", business: "bloom", role: "staff" },
  { email: "multi@clientele.test", business: "salon", role: "manager" },
];

type NamedCustomer = {
  email: DemoEmail;
  ageDays: number;
  provider: s.ProviderVisibility;
  social: s.SocialVisibility;
};

const NAMED_CUSTOMERS: Record<"alice" | "bob" | "carol" | "dana", NamedCustomer> = {
  alice: { email: "alice@clientele.test", ageDays: 760, provider: "public", social: "public" },
  bob: { email: "bob@clientele.test", ageDays: 420, provider: "restricted", social: "connections" },
  carol: { email: "carol@clientele.test", ageDays: 300, provider: "private", social: "private" },
  dana: { email: "dana@clientele.test", ageDays: 3, provider: "public", social: "connections" },
};

export const GENERATED_CUSTOMERS = 60;

export function buildPeople(ctx: Ctx): People {
  const { faker, world } = ctx;
  const userIdByEmail = new Map<string, string>();

  const addUser = (email: string, name: string, createdAt: Date, isPlatformAdmin = false) => {
    const id = newId();
    world.users.push({
      id,
      email,
      name,
      passwordHash: ctx.passwordHash,
      isPlatformAdmin,
      createdAt,
      updatedAt: createdAt,
      lastSignInAt: daysBefore(faker.number.int({ min: 0, max: 20 })),
    });
    userIdByEmail.set(email, id);
    return id;
  };

  addUser("admin@clientele.test", "Avery Admin", daysBefore(1200), true);

  const businesses = {} as Record<BusinessKey, BusinessRef>;
  for (const b of BUSINESSES) {
    const createdAt = daysBefore(b.ageDays);
    const ref: BusinessRef = {
      id: newId(),
      key: b.key,
      name: b.name,
      currency: b.currency,
      country: b.currency === "EUR" ? "DE" : "US",
      isProvider: b.categories.length > 0,
      categories: b.categories,
      createdAt,
      staff: [],
    };
    businesses[b.key] = ref;
    world.businesses.push({
      id: ref.id,
      name: ref.name,
      isMarketplaceProvider: ref.isProvider,
      currency: ref.currency,
      country: ref.country,
      createdAt,
      updatedAt: createdAt,
    });
  }

  for (const [index, m] of STAFF.entries()) {
    const account = DEMO_ACCOUNTS.find((a) => a.email === m.email)!;
    const business = businesses[m.business];
    const joined = daysBefore(BUSINESSES.find((b) => b.key === m.business)!.ageDays - 5 - index * 7);
    const userId = userIdByEmail.get(m.email) ?? addUser(m.email, account.name, joined);
    business.staff.push({ userId, role: m.role });
    world.memberships.push({ businessId: business.id, userId, role: m.role, createdAt: joined, updatedAt: joined });
  }

  const addCustomer = (
    email: string,
    firstName: string,
    lastName: string,
    createdAt: Date,
    provider: s.ProviderVisibility,
    social: s.SocialVisibility,
    handle: string,
  ): CustomerRef => {
    const userId = addUser(email, `${firstName} ${lastName}`, createdAt);
    const phone = faker.datatype.boolean(0.7) ? faker.phone.number({ style: "national" }) : null;
    const hasAddress = faker.datatype.boolean(0.6);
    const row: typeof s.customers.$inferInsert = {
      id: newId(),
      userId,
      firstName,
      lastName,
      displayName: faker.datatype.boolean(0.15) ? faker.internet.displayName({ firstName, lastName }) : null,
      avatarUrl: null,
      phone,
      handle,
      providerVisibility: provider,
      socialVisibility: social,
      shippingAddress: hasAddress
        ? {
            line1: faker.location.streetAddress(),
            city: faker.location.city(),
            region: faker.location.state({ abbreviated: true }),
            postalCode: faker.location.zipCode("#####"),
            country: "US",
          }
        : null,
      preferredWallet: faker.helpers.arrayElement(["card", "apple_pay", "google_pay", "paypal", "link", null] as const),
      dashboardSettings: {},
      createdAt,
      updatedAt: createdAt,
    };
    world.customers.push(row);
    return {
      id: row.id!,
      userId,
      email,
      firstName,
      lastName,
      phone,
      createdAt,
      providerVisibility: provider,
      socialVisibility: social,
      row,
    };
  };

  const named = {} as Record<keyof typeof NAMED_CUSTOMERS, CustomerRef>;
  for (const [key, c] of Object.entries(NAMED_CUSTOMERS) as [keyof typeof NAMED_CUSTOMERS, NamedCustomer][]) {
    const account = DEMO_ACCOUNTS.find((a) => a.email === c.email)!;
    const [firstName, lastName] = account.name.split(" ") as [string, string];
    named[key] = addCustomer(c.email, firstName, lastName, daysBefore(c.ageDays), c.provider, c.social, key);
  }
  // Alice has filled in everything, so her profile shows every field.
  Object.assign(named.alice.row, {
    displayName: "Alice J.",
    phone: "(415) 555-0142",
    preferredWallet: "apple_pay",
    shippingAddress: {
      line1: "1200 Market Street",
      line2: "Apt 4B",
      city: "San Francisco",
      region: "CA",
      postalCode: "94102",
      country: "US",
    },
    dashboardSettings: {
      tiles: ["jobs", "reviews", "orders", "goals", "achievements"],
      weeklyDigest: true,
      theme: "system",
    },
  });
  named.alice.phone = "(415) 555-0142";

  const generated: CustomerRef[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < GENERATED_CUSTOMERS; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    let email = `${slug(firstName)}.${slug(lastName)}@example.com`;
    if (usedEmails.has(email)) email = email.replace("@", `${i}@`);
    usedEmails.add(email);
    const provider = faker.helpers.weightedArrayElement([
      { weight: 70, value: "public" as const },
      { weight: 20, value: "restricted" as const },
      { weight: 10, value: "private" as const },
    ]);
    const social = faker.helpers.weightedArrayElement([
      { weight: 30, value: "public" as const },
      { weight: 55, value: "connections" as const },
      { weight: 15, value: "private" as const },
    ]);
    const createdAt = daysBefore(faker.number.int({ min: 20, max: 900 }));
    generated.push(
      addCustomer(
        email,
        firstName,
        lastName,
        createdAt,
        provider,
        social,
        faker.string.alphanumeric({ length: 10, casing: "lower" }),
      ),
    );
  }

  const providers = Object.values(businesses).filter((b) => b.isProvider);
  return {
    businesses,
    providers,
    ...named,
    generated,
    all: [named.alice, named.bob, named.carol, named.dana, ...generated],
    userIdByEmail,
  };
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}
