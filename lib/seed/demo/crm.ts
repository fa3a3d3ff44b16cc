/**
 * The businesses' own customer records: the named demo customers at several businesses (each
 * business with its own type, notes, tags, preferences and purchases), generated platform
 * customers, and walk-ins without an account; one record is soft-deleted. Running totals on each
 * record are computed from the purchases generated for it, so they always match.
 */
import type { CustomerType, NoteType } from "@/db/schema";
import { addMinutes, daysBefore } from "@/lib/seed/catalog";
import { CRM_PROFILES, type CrmProfile } from "./crm-catalog";
import { maxDate } from "./marketplace";
import type { BusinessKey, BusinessRef, CustomerRef, People } from "./people";
import { slug } from "./people";
import { e164, newPhone } from "./phones";
import { newId, type Ctx } from "./world";

type Extras = {
  note?: string;
  noteType?: NoteType;
  pinned?: boolean;
  preferences?: Record<string, string | number | boolean | string[]>;
  tags?: string[];
};
type Person = {
  customer?: CustomerRef;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
};

export type CrmRefs = {
  aliceAtBloom: string;
  deletedAtBloom: string;
  noteAtBloom: string;
  bloomTagIds: Map<string, string>;
};

export function buildCrm(ctx: Ctx, people: People): CrmRefs {
  const { faker } = ctx;
  const { alice, bob, carol, dana } = people;
  const named: [CustomerRef, BusinessKey, CustomerType, number, Extras?][] = [
    [
      alice,
      "bloom",
      "vip",
      32,
      {
        note: "VIP: oat flat white, extra hot. Knows the whole morning shift by name.",
        noteType: "preference",
        pinned: true,
        preferences: { coffee: "oat flat white", milk: "oat", table: "window", loyalty_stamps: 7, newsletter: true },
        tags: ["Oat milk", "Loyalty card", "Regular 8am"],
      },
    ],
    [
      alice,
      "salon",
      "regular",
      9,
      {
        note: "Colour every 8 weeks.",
        noteType: "preference",
        preferences: { stylist: "Maya", colour_formula: "6N + 7G gloss", sms_reminders: true },
        tags: ["Colour client"],
      },
    ],
    [
      alice,
      "sparkle",
      "regular",
      8,
      {
        note: "Spare key in the lockbox; the code changes monthly, ask Alice.",
        preferences: { frequency: "biweekly", eco_products: true },
        tags: ["Biweekly", "Key holder"],
      },
    ],
    [alice, "hank", "regular", 4],
    [alice, "greenthumb", "regular", 3, { preferences: { organic_only: true } }],
    [bob, "bloom", "regular", 10, { note: "Always asks for the Wi-Fi password." }],
    [bob, "sparkle", "vip", 14, { preferences: { frequency: "weekly", pets: ["dog"] }, tags: ["Has pets"] }],
    [
      bob,
      "hank",
      "wholesale",
      6,
      { note: "Landlord of three flats on Elm Street; invoices go to his company.", tags: ["Landlord"] },
    ],
    [carol, "bloom", "walk_in", 2],
    [
      carol,
      "salon",
      "vip",
      18,
      {
        note: "Prefers quiet appointments, no small talk.",
        noteType: "preference",
        pinned: true,
        preferences: { stylist: "Lena", drink: "green tea" },
        tags: ["Sensitive scalp"],
      },
    ],
    [carol, "greenthumb", "regular", 3],
    [dana, "salon", "walk_in", 1],
  ];

  const tagIds = new Map<BusinessKey, Map<string, string>>();
  for (const [key, profile] of Object.entries(CRM_PROFILES) as [BusinessKey, CrmProfile][]) {
    const business = people.businesses[key];
    const ids = new Map<string, string>();
    for (const tag of profile.tags) {
      const id = newId();
      ids.set(tag.name, id);
      ctx.world.crmTags.push({
        id,
        businessId: business.id,
        name: tag.name,
        color: tag.color,
        createdAt: addMinutes(business.createdAt, 1440),
      });
    }
    tagIds.set(key, ids);
  }

  const refs = {} as CrmRefs;
  refs.bloomTagIds = tagIds.get("bloom")!;
  for (const [customer, key, type, purchases, extras] of named) {
    const id = addRecord(
      ctx,
      people.businesses[key],
      tagIds.get(key)!,
      { customer, ...personOf(customer) },
      type,
      purchases,
      extras,
    );
    if (customer === alice && key === "bloom") refs.aliceAtBloom = id;
  }

  for (const [key, profile] of Object.entries(CRM_PROFILES) as [BusinessKey, CrmProfile][]) {
    const business = people.businesses[key];
    const tags = tagIds.get(key)!;
    for (const customer of faker.helpers.arrayElements(people.generated, profile.linked)) {
      addRecord(ctx, business, tags, { customer, ...personOf(customer) }, randomType(ctx), 0);
    }
    // Emails are unique per business (case-insensitively) among live records.
    const emails = new Set(
      ctx.world.crmCustomers.filter((r) => r.businessId === business.id && r.email).map((r) => r.email!.toLowerCase()),
    );
    for (let i = 0; i < profile.unlinked; i++) {
      const firstName = faker.person.firstName();
      const lastName = faker.datatype.boolean(0.9) ? faker.person.lastName() : "";
      let email: string | null = faker.datatype.boolean(0.75)
        ? `${slug(firstName)}.${slug(lastName) || "guest"}@${faker.internet.domainName()}`
        : null;
      if (email && emails.has(email)) email = null;
      if (email) emails.add(email);
      const phone = faker.datatype.boolean(0.7) ? newPhone(faker, business.country) : null;
      const type = faker.helpers.weightedArrayElement([
        { weight: 45, value: "walk_in" as const },
        { weight: 40, value: "regular" as const },
        { weight: 10, value: "vip" as const },
        { weight: 5, value: "wholesale" as const },
      ]);
      const id = addRecord(ctx, business, tags, { firstName, lastName, email, phone }, type, 0);
      if (key === "bloom" && i === 7) {
        // The one soft-deleted record: hidden from lists, restorable.
        const row = ctx.world.crmCustomers.find((r) => r.id === id)!;
        row.deletedAt = daysBefore(10);
        row.updatedAt = row.deletedAt;
        refs.deletedAtBloom = id;
      }
    }
  }
  refs.noteAtBloom = ctx.world.crmNotes.find((n) => n.crmCustomerId === refs.aliceAtBloom)!.id!;
  return refs;
}

function personOf(c: CustomerRef): Omit<Person, "customer"> {
  return { firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone };
}

function randomType(ctx: Ctx): CustomerType {
  return ctx.faker.helpers.weightedArrayElement([
    { weight: 20, value: "walk_in" as const },
    { weight: 55, value: "regular" as const },
    { weight: 18, value: "vip" as const },
    { weight: 7, value: "wholesale" as const },
  ]);
}

const PURCHASES_BY_TYPE: Record<CustomerType, [number, number]> = {
  walk_in: [1, 3],
  regular: [3, 15],
  vip: [12, 30],
  wholesale: [4, 10],
};

function addRecord(
  ctx: Ctx,
  business: BusinessRef,
  tags: Map<string, string>,
  person: Person,
  type: CustomerType,
  purchaseCount: number,
  extras: Extras = {},
): string {
  const { faker, world, anchor } = ctx;
  const profile = CRM_PROFILES[business.key]!;
  const id = newId();
  const earliest = maxDate(business.createdAt, person.customer?.createdAt ?? business.createdAt);
  const createdAt = faker.date.between({ from: earliest, to: maxDate(earliest, daysBefore(2)) });
  const staff = () => faker.helpers.arrayElement(business.staff).userId;

  // Purchases first: the record's running totals are their sum.
  const count = purchaseCount || faker.number.int({ min: PURCHASES_BY_TYPE[type][0], max: PURCHASES_BY_TYPE[type][1] });
  const wholesale = profile.products.filter((p) => p.wholesale);
  const retail = profile.products.filter((p) => !p.wholesale);
  const times = faker.date.betweens({ from: createdAt, to: addMinutes(anchor, -60), count });
  let total = 0;
  let totalItems = 0;
  for (const purchasedAt of times) {
    const pool = type === "wholesale" && wholesale.length && faker.datatype.boolean(0.7) ? wholesale : retail;
    const product = faker.helpers.arrayElement(pool);
    const amountMinor = faker.number.int({ min: product.min, max: product.max, multipleOf: 5 });
    const items = faker.helpers.weightedArrayElement([
      { weight: 60, value: 1 },
      { weight: 25, value: 2 },
      { weight: 10, value: 3 },
      { weight: 5, value: product.wholesale ? 12 : 4 },
    ]);
    total += amountMinor;
    totalItems += items;
    const source = faker.helpers.weightedArrayElement([
      { weight: 80, value: "pos" },
      { weight: 15, value: "online" },
      { weight: 5, value: "import" },
    ]);
    world.purchases.push({
      id: newId(),
      businessId: business.id,
      crmCustomerId: id,
      amountMinor,
      currency: business.currency,
      items,
      description: product.description,
      source,
      externalRef: source === "pos" ? null : `${source === "online" ? "ord" : "imp"}_${faker.string.alphanumeric(12)}`,
      purchasedAt,
      createdAt: purchasedAt,
    });
  }

  world.crmCustomers.push({
    id,
    businessId: business.id,
    customerId: person.customer?.id ?? null,
    fullName: `${person.firstName} ${person.lastName}`.trim(),
    email: person.email,
    // Stored in E.164; a person's own number is in their country's format (the demo's people are in the US).
    phone: person.phone && (person.customer ? e164(person.phone, "US") : person.phone),
    address: faker.datatype.boolean(0.3)
      ? {
          line1: faker.location.streetAddress(),
          city: faker.location.city(),
          postalCode: faker.location.zipCode("#####"),
          country: business.currency === "EUR" ? "DE" : "US",
        }
      : null,
    birthday: faker.datatype.boolean(0.4)
      ? faker.date.birthdate({ mode: "age", min: 18, max: 80 }).toISOString().slice(0, 10)
      : null,
    customerType: type,
    purchaseCount: times.length,
    totalSpentMinor: total,
    totalItemsBought: totalItems,
    firstPurchaseAt: times[0] ?? null,
    lastPurchaseAt: times[times.length - 1] ?? null,
    createdAt,
    updatedAt: times[times.length - 1] ?? createdAt,
  });

  const notes = [
    ...(extras.note
      ? [{ body: extras.note, type: extras.noteType ?? ("personal" as const), pinned: extras.pinned ?? false }]
      : []),
    ...faker.helpers
      .arrayElements(profile.notes, faker.number.int({ min: 0, max: 2 }))
      .map((note) => ({ ...note, pinned: faker.datatype.boolean(0.1) })),
  ];
  for (const note of notes) {
    const at = faker.date.between({ from: createdAt, to: anchor });
    world.crmNotes.push({
      id: newId(),
      businessId: business.id,
      crmCustomerId: id,
      authorUserId: staff(),
      noteType: note.type,
      body: note.body,
      isPinned: note.pinned,
      createdAt: at,
      updatedAt: at,
    });
  }

  const tagNames = extras.tags ?? faker.helpers.arrayElements([...tags.keys()], faker.number.int({ min: 0, max: 2 }));
  for (const name of tagNames) {
    world.crmCustomerTags.push({
      businessId: business.id,
      crmCustomerId: id,
      tagId: tags.get(name)!,
      createdAt: faker.date.between({ from: createdAt, to: anchor }),
    });
  }

  const preferences = extras.preferences ?? (faker.datatype.boolean(0.6) ? profile.preferences(faker) : {});
  const favorites = Object.values(preferences).filter((v): v is string => typeof v === "string");
  if (favorites.length || faker.datatype.boolean(0.3)) {
    // The seed's named preferences; do_not_contact overrides whatever opt-ins the record still has.
    world.crmContactPreferences.push({
      businessId: business.id,
      crmCustomerId: id,
      preferSms: faker.datatype.boolean(0.6),
      preferEmail: faker.datatype.boolean(0.4),
      preferCall: faker.datatype.boolean(0.15),
      doNotContact: faker.datatype.boolean(0.07),
      canReceiveOffers: faker.datatype.boolean(0.5),
      canReceiveLoyalty: faker.datatype.boolean(0.8),
      bestContactTime: faker.helpers.arrayElement(["Weekday mornings", "Lunchtime", "After 5pm", "Weekends", null]),
      favoriteProducts: favorites,
      preferredPayment: faker.helpers.arrayElement(["card", "cash", "mobile wallet", "gift card", null]),
      updatedAt: faker.date.between({ from: createdAt, to: anchor }),
    });
  }

  const visits = addAppointments(
    ctx,
    business,
    profile,
    id,
    type,
    createdAt,
    person.customer?.id === undefined ? 0.6 : 0.8,
  );
  const record = world.crmCustomers.at(-1)!;
  record.appointmentCount = visits.length;
  // Two on one day may be out of order once their hours are drawn: the latest, not the last.
  record.lastAppointmentAt = visits.length ? new Date(Math.max(...visits.map((d) => d.getTime()))) : null;
  return id;
}

function addAppointments(
  ctx: Ctx,
  business: BusinessRef,
  profile: CrmProfile,
  crmCustomerId: string,
  type: CustomerType,
  since: Date,
  chance: number,
): Date[] {
  const { faker, world, anchor } = ctx;
  /** Start times of the completed appointments (the record's appointment totals). */
  const completed: Date[] = [];
  // The café books only catering pickups for its wholesale customers.
  const lengths = profile.appointmentMinutes ?? (type === "wholesale" ? [30] : undefined);
  if (!lengths || !faker.datatype.boolean(chance)) return completed;
  const slot = (day: Date) => {
    const d = new Date(day);
    d.setUTCHours(faker.number.int({ min: 9, max: 17 }), faker.helpers.arrayElement([0, 15, 30, 45]), 0, 0);
    return d;
  };
  const add = (startsAt: Date, status: "scheduled" | "completed" | "cancelled" | "no_show") => {
    if (status === "completed") completed.push(startsAt);
    const createdAt = maxDate(since, addMinutes(startsAt, -faker.number.int({ min: 1, max: 30 }) * 1440));
    world.appointments.push({
      id: newId(),
      businessId: business.id,
      crmCustomerId,
      staffUserId: faker.helpers.arrayElement(business.staff).userId,
      startsAt,
      endsAt: addMinutes(startsAt, faker.helpers.arrayElement(lengths)),
      status,
      notes: faker.datatype.boolean(0.2)
        ? faker.helpers.arrayElement(["Running 10 minutes late", "Bring the patch-test results", "Gate code 4512"])
        : null,
      createdAt: createdAt > anchor ? anchor : createdAt,
      updatedAt:
        status === "scheduled" ? (createdAt > anchor ? anchor : createdAt) : startsAt < anchor ? startsAt : anchor,
    });
  };
  const past = faker.number.int({ min: 0, max: 4 });
  for (const day of faker.date.betweens({ from: since, to: daysBefore(1), count: past })) {
    add(
      slot(day),
      faker.helpers.weightedArrayElement([
        { weight: 80, value: "completed" as const },
        { weight: 8, value: "no_show" as const },
        { weight: 12, value: "cancelled" as const },
      ]),
    );
  }
  if (faker.datatype.boolean(0.35))
    add(slot(addMinutes(anchor, faker.number.int({ min: 1, max: 30 }) * 1440)), "scheduled");
  return completed;
}
