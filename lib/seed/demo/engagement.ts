/**
 * What demo customers work towards and who they know: the achievements catalogue, goals and
 * connections (accepted, pending and declined, one row per unordered pair).
 */
import { addMinutes, daysBefore } from "@/lib/seed/catalog";
import type { CustomerRef, People } from "./people";
import { maxDate } from "./marketplace";
import { newId, type Ctx } from "./world";

/** The catalogue; progress towards each is derived from the seeded rows in stats.ts. */
export const ACHIEVEMENTS = [
  { code: "first_job", name: "First job", description: "Posted your first job.", target: 1, icon: "sparkles" },
  {
    code: "first_booking",
    name: "Booked",
    description: "Booked a provider for the first time.",
    target: 1,
    icon: "calendar-check",
  },
  { code: "jobs_completed_5", name: "Regular", description: "Had 5 jobs completed.", target: 5, icon: "badge-check" },
  { code: "jobs_completed_20", name: "Power user", description: "Had 20 jobs completed.", target: 20, icon: "trophy" },
  {
    code: "five_star",
    name: "Five-star customer",
    description: "Received a five-star review from a provider.",
    target: 1,
    icon: "star",
  },
  {
    code: "reviews_10",
    name: "Well reviewed",
    description: "Received 10 reviews from providers.",
    target: 10,
    icon: "message-square-heart",
  },
  {
    code: "first_order",
    name: "First order",
    description: "Paid for your first order.",
    target: 1,
    icon: "shopping-bag",
  },
  { code: "connector", name: "Connector", description: "Made 3 connections.", target: 3, icon: "users" },
] as const;

export type AchievementCode = (typeof ACHIEVEMENTS)[number]["code"];

export function buildEngagement(ctx: Ctx, people: People) {
  const { world } = ctx;
  const created = daysBefore(1200);
  for (const a of ACHIEVEMENTS) world.achievements.push({ ...a, createdAt: created });
  buildGoals(ctx, people);
  buildConnections(ctx, people);
}

function buildGoals(ctx: Ctx, people: People) {
  const { faker, world, anchor } = ctx;
  const goal = (
    customer: CustomerRef,
    g: {
      title: string;
      metric?: string;
      target: number;
      progress: number;
      status?: "active" | "completed" | "abandoned";
      ageDays: number;
      dueInDays?: number;
    },
  ) => {
    const createdAt = maxDate(daysBefore(g.ageDays), addMinutes(customer.createdAt, 60));
    const status = g.status ?? "active";
    const done = status === "completed" ? faker.date.between({ from: createdAt, to: anchor }) : null;
    world.goals.push({
      id: newId(),
      customerId: customer.id,
      title: g.title,
      metric: g.metric ?? "manual",
      target: g.target,
      progress: g.progress,
      status,
      dueAt: g.dueInDays === undefined ? null : addMinutes(anchor, g.dueInDays * 1440),
      completedAt: done,
      createdAt,
      updatedAt: done ?? createdAt,
    });
  };

  goal(people.alice, {
    title: "Get 25 jobs done this year",
    metric: "jobs_completed",
    target: 25,
    progress: 22,
    ageDays: 300,
    dueInDays: 60,
  });
  goal(people.alice, {
    title: "Save $200 with member deals",
    metric: "savings_minor",
    target: 20_000,
    progress: 12_500,
    ageDays: 120,
    dueInDays: 90,
  });
  goal(people.alice, {
    title: "Place 10 orders",
    metric: "orders",
    target: 10,
    progress: 10,
    status: "completed",
    ageDays: 400,
  });
  goal(people.alice, { title: "Declutter the garage", target: 1, progress: 0, status: "abandoned", ageDays: 500 });
  goal(people.bob, {
    title: "Fix up the flat before summer",
    metric: "jobs_completed",
    target: 6,
    progress: 4,
    ageDays: 90,
    dueInDays: 200,
  });
  goal(people.dana, { title: "Find a regular cleaner", target: 1, progress: 0, ageDays: 1 });

  const ideas = [
    { title: "Keep the garden tidy all year", metric: "jobs_completed", target: 8 },
    { title: "Try three new providers", metric: "manual", target: 3 },
    { title: "Spend less than $300 on repairs", metric: "manual", target: 1 },
    { title: "Complete 5 jobs", metric: "jobs_completed", target: 5 },
  ];
  for (const customer of people.generated) {
    if (!faker.datatype.boolean(0.3)) continue;
    const idea = faker.helpers.arrayElement(ideas);
    const status = faker.helpers.weightedArrayElement([
      { weight: 70, value: "active" as const },
      { weight: 20, value: "completed" as const },
      { weight: 10, value: "abandoned" as const },
    ]);
    goal(customer, {
      ...idea,
      status,
      progress: status === "completed" ? idea.target : faker.number.int({ min: 0, max: idea.target - 1 }),
      ageDays: faker.number.int({ min: 1, max: 300 }),
      dueInDays: status === "active" ? faker.number.int({ min: 10, max: 180 }) : undefined,
    });
  }
}

function buildConnections(ctx: Ctx, people: People) {
  const { faker, world, anchor } = ctx;
  const pairs = new Set<string>();
  const connect = (from: CustomerRef, to: CustomerRef, status: "pending" | "accepted" | "declined") => {
    const key = [from.id, to.id].sort().join(":");
    if (from === to || pairs.has(key)) return;
    pairs.add(key);
    const createdAt = faker.date.between({ from: maxDate(from.createdAt, to.createdAt), to: addMinutes(anchor, -60) });
    world.connections.push({
      id: newId(),
      requesterId: from.id,
      addresseeId: to.id,
      status,
      createdAt,
      respondedAt: status === "pending" ? null : faker.date.between({ from: createdAt, to: anchor }),
    });
  };

  connect(people.alice, people.bob, "accepted");
  connect(people.carol, people.alice, "accepted");
  connect(people.dana, people.alice, "pending");
  connect(people.bob, people.carol, "pending");
  for (const other of people.generated.slice(0, 4)) connect(other, people.alice, "accepted");
  connect(people.generated[4]!, people.alice, "declined");
  connect(people.generated[5]!, people.bob, "accepted");

  for (let i = 0; i < 40; i++) {
    const [a, b] = faker.helpers.arrayElements(people.generated, 2) as [CustomerRef, CustomerRef];
    connect(
      a,
      b,
      faker.helpers.weightedArrayElement([
        { weight: 70, value: "accepted" as const },
        { weight: 20, value: "pending" as const },
        { weight: 10, value: "declined" as const },
      ]),
    );
  }
}
