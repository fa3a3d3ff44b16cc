/**
 * The demo marketplace: jobs in every status with the applications, bookings, message threads,
 * provider interactions, reviews and profile views that such a job would really have left
 * behind. Every derived row is made by `addJob`, so the rows always agree with one another
 * (a review only on a completed job, by the booked provider, with the job's category).
 */
import type { JobStatus } from "@/db/schema";
import type { JobCategory } from "@/lib/marketplace/jobs/categories";
import { addMinutes, daysBefore, JOB_CATEGORIES, JOB_DESCRIPTIONS, REVIEW_COMMENTS } from "@/lib/seed/catalog";
import type { BusinessKey, BusinessRef, CustomerRef, People } from "./people";
import { newId, type Ctx } from "./world";

type ReviewSpec = { rating: number; hidden?: boolean; dispute?: string };

type JobSpec = {
  status: JobStatus;
  category: JobCategory;
  ageDays: number;
  /** The provider booked (booked, completed and some cancelled jobs). */
  booked?: BusinessRef;
  /** Providers that applied and were not booked. */
  others?: BusinessRef[];
  /** Providers that only looked at the job. */
  viewers?: BusinessRef[];
  review?: ReviewSpec;
  cancelledBy?: "customer" | "provider";
};

const APPLICATION_MESSAGES = [
  "Hi! We have done many jobs like this nearby and can start this week.",
  "Happy to help. I can come by for a free quote first if you like.",
  "We are fully insured and can bring everything needed.",
  "I have a slot on Thursday morning. Let me know if that suits you.",
];
const PROVIDER_LINES = [
  "Thanks for getting back to me. Does Thursday at 9am work?",
  "Could you send a photo of the area so I can bring the right tools?",
  "All booked in. I will text you when I am on my way.",
  "Just finished, I left a note with a couple of tips. Thanks again!",
  "Is there parking near the entrance?",
];
const CUSTOMER_LINES = [
  "Thursday works, see you then.",
  "Sure, sending photos now.",
  "Great, thank you!",
  "There is a visitor space right by the door.",
  "Could we make it a little earlier?",
];

export function buildMarketplace(ctx: Ctx, people: People) {
  const { faker } = ctx;
  const b = people.businesses;

  const addJob = (customer: CustomerRef, spec: JobSpec) => addJobRows(ctx, customer, spec);

  // Alice: a long, mostly glowing history across every provider (22 completed jobs, all reviewed).
  const aliceProviders: BusinessKey[] = [
    "sparkle",
    "hank",
    "sparkle",
    "greenthumb",
    "sparkle",
    "sparkle",
    "hank",
    "paws",
    "greenthumb",
    "sparkle",
    "hank",
    "brightspark",
    "sparkle",
    "hank",
    "greenthumb",
    "sparkle",
    "paws",
    "hank",
    "greenthumb",
    "brightspark",
    "sparkle",
    "hank",
  ];
  const aliceRatings = [5, 5, 4, 5, 5, 3, 5, 4, 5, 5, 2, 5, 4, 5, 5, 5, 4, 5, 5, 4, 5, 5];
  aliceProviders.forEach((key, i) => {
    const provider = b[key];
    addJob(people.alice, {
      status: "completed",
      category: faker.helpers.arrayElement(provider.categories),
      ageDays: 700 - i * 30 - faker.number.int({ min: 0, max: 10 }),
      booked: provider,
      others: i % 3 === 0 ? [pickOther(ctx, people, provider)] : [],
      review: {
        rating: aliceRatings[i]!,
        hidden: i === 5,
        dispute: i === 10 ? "The delay was caused by the provider rescheduling twice, not by me." : undefined,
      },
    });
  });
  addJob(people.alice, {
    status: "booked",
    category: "Deep cleaning",
    ageDays: 6,
    booked: b.sparkle,
    others: [b.hank],
  });
  addJob(people.alice, { status: "booked", category: "Lawn care", ageDays: 4, booked: b.greenthumb });
  addJob(people.alice, {
    status: "open",
    category: "Smart home setup",
    ageDays: 2,
    others: [b.brightspark],
    viewers: [b.hank],
  });
  addJob(people.alice, { status: "open", category: "Dog walking", ageDays: 1, viewers: [b.paws] });
  // One cancellation of each kind: only the last, called off after booking, counts against her.
  addJob(people.alice, { status: "cancelled", category: "Painting", ageDays: 200, cancelledBy: "customer" });
  addJob(people.alice, {
    status: "cancelled",
    category: "Plumbing",
    ageDays: 90,
    booked: b.hank,
    cancelledBy: "provider",
  });
  addJob(people.alice, {
    status: "cancelled",
    category: "Window cleaning",
    ageDays: 150,
    booked: b.sparkle,
    cancelledBy: "customer",
  });

  // Bob (restricted): has only ever dealt with Sparkle and Hank, so only they may see him.
  addJob(people.bob, {
    status: "completed",
    category: "House cleaning",
    ageDays: 380,
    booked: b.sparkle,
    review: { rating: 5 },
  });
  addJob(people.bob, {
    status: "completed",
    category: "Handyman",
    ageDays: 250,
    booked: b.hank,
    review: { rating: 4 },
  });
  addJob(people.bob, {
    status: "completed",
    category: "Window cleaning",
    ageDays: 140,
    booked: b.sparkle,
    review: { rating: 3 },
  });
  addJob(people.bob, {
    status: "completed",
    category: "Furniture assembly",
    ageDays: 60,
    booked: b.hank,
    review: { rating: 5 },
  });
  addJob(people.bob, { status: "booked", category: "Deep cleaning", ageDays: 5, booked: b.sparkle });
  addJob(people.bob, { status: "open", category: "Painting", ageDays: 2, others: [b.hank] });
  addJob(people.bob, { status: "cancelled", category: "Plumbing", ageDays: 100, cancelledBy: "customer" });

  // Carol (private): providers have worked with her, yet none may see her profile.
  addJob(people.carol, {
    status: "completed",
    category: "Gardening",
    ageDays: 250,
    booked: b.greenthumb,
    review: { rating: 5 },
  });
  addJob(people.carol, {
    status: "completed",
    category: "Tree trimming",
    ageDays: 120,
    booked: b.greenthumb,
    review: { rating: 4 },
  });
  addJob(people.carol, {
    status: "completed",
    category: "Pet sitting",
    ageDays: 45,
    booked: b.paws,
    review: { rating: 5 },
  });
  addJob(people.carol, { status: "open", category: "Lawn care", ageDays: 1, others: [b.greenthumb] });

  // Dana: brand new, one open job with one application.
  addJob(people.dana, { status: "open", category: "House cleaning", ageDays: 1, others: [b.sparkle] });

  for (const customer of people.generated) {
    const jobCount = faker.number.int({ min: 0, max: 6 });
    const maxAge = Math.max(25, Math.round((ctx.anchor.getTime() - customer.createdAt.getTime()) / 86_400_000));
    for (let i = 0; i < jobCount; i++) {
      const status = faker.helpers.weightedArrayElement([
        { weight: 55, value: "completed" as const },
        { weight: 10, value: "booked" as const },
        { weight: 20, value: "open" as const },
        { weight: 15, value: "cancelled" as const },
      ]);
      const category = faker.helpers.arrayElement(JOB_CATEGORIES).name;
      const provider = people.providers.find((p) => p.categories.includes(category))!;
      const ageDays =
        status === "open"
          ? faker.number.int({ min: 0, max: 12 })
          : status === "booked"
            ? faker.number.int({ min: 2, max: 15 })
            : faker.number.int({ min: 20, max: maxAge });
      const withBooking =
        status === "booked" || status === "completed" || (status === "cancelled" && faker.datatype.boolean(0.4));
      const others = faker.helpers.arrayElements(
        people.providers.filter((p) => p !== provider),
        faker.number.int({ min: 0, max: status === "cancelled" ? 1 : 2 }),
      );
      addJob(customer, {
        status,
        category,
        ageDays,
        booked: withBooking ? provider : undefined,
        others: withBooking || status === "open" ? others : [],
        viewers: faker.datatype.boolean(0.3) ? [pickOther(ctx, people, provider)] : [],
        cancelledBy:
          status === "cancelled" ? (withBooking && faker.datatype.boolean(0.5) ? "provider" : "customer") : undefined,
        review:
          status === "completed" && faker.datatype.boolean(0.85)
            ? { rating: skewedRating(ctx), hidden: faker.datatype.boolean(0.05) }
            : undefined,
      });
    }
  }

  addBrowsingViews(ctx, people);
}

function pickOther(ctx: Ctx, people: People, not: BusinessRef): BusinessRef {
  return ctx.faker.helpers.arrayElement(people.providers.filter((p) => p !== not));
}

/** Providers rate most customers well, with a thin tail of bad experiences. */
function skewedRating(ctx: Ctx): number {
  return ctx.faker.helpers.weightedArrayElement([
    { weight: 55, value: 5 },
    { weight: 25, value: 4 },
    { weight: 10, value: 3 },
    { weight: 6, value: 2 },
    { weight: 4, value: 1 },
  ]);
}

function staffUser(ctx: Ctx, business: BusinessRef): string {
  return ctx.faker.helpers.arrayElement(business.staff).userId;
}

const minutes = (ctx: Ctx, min: number, max: number) => ctx.faker.number.int({ min, max });

function addJobRows(ctx: Ctx, customer: CustomerRef, spec: JobSpec) {
  const { faker, world, anchor } = ctx;
  const jobId = newId();
  // Never before the customer joined, never after the anchor.
  const createdAt = maxDate(
    addMinutes(customer.createdAt, 60),
    addMinutes(daysBefore(spec.ageDays), -minutes(ctx, 0, 600)),
  );
  const scheduledFor = addMinutes(createdAt, minutes(ctx, 2 * 1440, 14 * 1440));
  const completedAt =
    spec.status === "completed"
      ? minDate(addMinutes(scheduledFor, minutes(ctx, 120, 360)), addMinutes(anchor, -1440))
      : null;
  const cancelledAt = spec.status === "cancelled" ? addMinutes(createdAt, minutes(ctx, 1440, 5 * 1440)) : null;
  const category = JOB_CATEGORIES.find((c) => c.name === spec.category)!;
  const updatedAt = completedAt ?? cancelledAt ?? createdAt;

  world.jobs.push({
    id: jobId,
    customerId: customer.id,
    title: faker.helpers.arrayElement(category.titles),
    category: spec.category,
    description: faker.helpers.arrayElement(JOB_DESCRIPTIONS),
    budgetMinor: faker.datatype.boolean(0.85) ? faker.number.int({ min: 6, max: 60 }) * 500 : null,
    currency: "USD",
    scheduledFor,
    status: spec.status,
    completedAt,
    cancelledAt,
    cancelledBy: spec.cancelledBy ?? null,
    createdAt,
    updatedAt,
  });

  const interact = (
    provider: BusinessRef,
    kind: (typeof world.providerInteractions)[number]["kind"],
    firstAt: Date,
    lastAt = firstAt,
  ) =>
    world.providerInteractions.push({
      id: newId(),
      providerBusinessId: provider.id,
      customerId: customer.id,
      kind,
      jobId,
      firstAt,
      lastAt,
    });

  const applicants = [...(spec.booked ? [spec.booked] : []), ...(spec.others ?? [])];
  let lastActivity = createdAt;
  let bookedApplicant: { applicationId: string; userId: string; at: Date } | undefined;
  applicants.forEach((provider, index) => {
    const userId = staffUser(ctx, provider);
    const appliedAt = minDate(addMinutes(createdAt, minutes(ctx, 30, 600) * (index + 1)), cancelledAt ?? anchor);
    const isBooked = provider === spec.booked;
    const applicationId = newId();
    world.jobApplications.push({
      id: applicationId,
      jobId,
      providerBusinessId: provider.id,
      applicantUserId: userId,
      message: faker.helpers.arrayElement(APPLICATION_MESSAGES),
      status: isBooked
        ? "accepted"
        : spec.status === "open"
          ? "pending"
          : spec.cancelledBy === "provider" && !spec.booked
            ? "withdrawn"
            : "rejected",
      createdAt: appliedAt,
      updatedAt: appliedAt,
    });
    interact(provider, "job_view", addMinutes(appliedAt, -minutes(ctx, 5, 25)));
    interact(provider, "job_application", appliedAt);
    if (isBooked) bookedApplicant = { applicationId, userId, at: appliedAt };

    // A short thread per applicant; the booked provider's is longer.
    const count = isBooked ? faker.number.int({ min: 3, max: 6 }) : faker.number.int({ min: 0, max: 2 });
    const end = completedAt ?? cancelledAt ?? anchor;
    let at = addMinutes(appliedAt, 5);
    const sent: Date[] = [];
    for (let m = 0; m < count && at < end; m++) {
      const fromProvider = m % 2 === 0;
      world.jobMessages.push({
        id: newId(),
        jobId,
        providerBusinessId: provider.id,
        senderUserId: fromProvider ? userId : customer.userId,
        senderRole: fromProvider ? "provider" : "customer",
        body: faker.helpers.arrayElement(fromProvider ? PROVIDER_LINES : CUSTOMER_LINES),
        createdAt: at,
      });
      sent.push(at);
      at = addMinutes(at, minutes(ctx, 10, 600));
    }
    if (sent.length) interact(provider, "message", sent[0]!, sent[sent.length - 1]!);
    lastActivity = maxDate(lastActivity, sent[sent.length - 1] ?? appliedAt);

    if (customer.providerVisibility !== "private" && faker.datatype.boolean(0.6)) {
      world.profileViews.push({
        id: newId(),
        customerId: customer.id,
        providerBusinessId: provider.id,
        viewerUserId: userId,
        viewedAt: addMinutes(appliedAt, -5),
      });
    }
  });

  for (const viewer of (spec.viewers ?? []).filter((v) => !applicants.includes(v))) {
    interact(viewer, "job_view", addMinutes(createdAt, minutes(ctx, 20, 2000)));
  }

  if (spec.booked && bookedApplicant) {
    const bookedAt = minDate(
      addMinutes(bookedApplicant.at, minutes(ctx, 60, 1440)),
      addMinutes(cancelledAt ?? scheduledFor, -30),
    );
    world.bookings.push({
      id: newId(),
      jobId,
      applicationId: bookedApplicant.applicationId,
      providerBusinessId: spec.booked.id,
      customerId: customer.id,
      createdAt: bookedAt,
    });
    interact(spec.booked, "booking", bookedAt);
    if (completedAt) interact(spec.booked, "job_completed", completedAt);

    if (completedAt && spec.review) {
      const reviewedAt = minDate(addMinutes(completedAt, minutes(ctx, 60, 2880)), anchor);
      const comments = REVIEW_COMMENTS[spec.review.rating - 1]!;
      world.customerReviews.push({
        id: newId(),
        jobId,
        customerId: customer.id,
        providerBusinessId: spec.booked.id,
        authorUserId: bookedApplicant.userId,
        rating: spec.review.rating,
        comment: faker.helpers.arrayElement(comments),
        jobCategory: spec.category,
        isVisible: !spec.review.hidden,
        disputedAt: spec.review.dispute ? addMinutes(reviewedAt, 1440) : null,
        disputeReason: spec.review.dispute ?? null,
        createdAt: reviewedAt,
        updatedAt: spec.review.dispute ? addMinutes(reviewedAt, 1440) : reviewedAt,
      });
    }
  }
}

/** Providers browsing customers they may see: public to anyone, restricted only after dealing with them. */
function addBrowsingViews(ctx: Ctx, people: People) {
  const { faker, world } = ctx;
  const dealtWith = new Set(world.providerInteractions.map((i) => `${i.customerId}:${i.providerBusinessId}`));
  for (const customer of people.all) {
    if (customer.providerVisibility === "private") continue;
    const count = customer === people.alice ? 12 : faker.number.int({ min: 0, max: 3 });
    for (let i = 0; i < count; i++) {
      const provider = faker.helpers.arrayElement(people.providers);
      if (customer.providerVisibility === "restricted" && !dealtWith.has(`${customer.id}:${provider.id}`)) continue;
      const viewedAt = faker.date.between({ from: maxDate(customer.createdAt, daysBefore(120)), to: ctx.anchor });
      world.profileViews.push({
        id: newId(),
        customerId: customer.id,
        providerBusinessId: provider.id,
        viewerUserId: staffUser(ctx, provider),
        viewedAt,
      });
    }
  }
}

export const maxDate = (a: Date, b: Date) => (a > b ? a : b);
export const minDate = (a: Date, b: Date) => (a < b ? a : b);
