/**
 * The marketplace guards of lib/authz/policy.ts, without a database: who is on the marketplace,
 * which side of a job they take (or 404), and the per-action checks, as a matrix.
 */
import { describe, expect, it } from "vitest";
import type { JobStatus, StaffRole } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import {
  jobSideOf,
  marketplaceActor,
  requireBookingParty,
  requireJobCustomer,
  requireJobProvider,
  type JobFacts,
} from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";

const CUSTOMER = "c0000000-0000-4000-8000-000000000001";
const PROVIDER = "b0000000-0000-4000-8000-000000000001";
const OTHER = "b0000000-0000-4000-8000-000000000002";

function user(values: {
  customerId?: string | null;
  business?: { id: string; provider: boolean; role?: StaffRole } | null;
}): UserActor {
  const business = values.business
    ? {
        businessId: values.business.id,
        businessName: "B",
        role: values.business.role ?? "staff",
        isMarketplaceProvider: values.business.provider,
      }
    : null;
  return {
    kind: "user",
    userId: "u",
    email: "u@example.test",
    name: "U",
    isPlatformAdmin: false,
    customerId: values.customerId ?? null,
    memberships: business ? [business] : [],
    business,
  };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.details.reason ?? ""}`.trim();
    throw error;
  }
  return "allowed";
};

const job = (status: JobStatus, extra: Partial<JobFacts> = {}): JobFacts => ({
  customerId: CUSTOMER,
  status,
  bookedProviderId: null,
  providerApplied: false,
  ...extra,
});

describe("marketplaceActor", () => {
  it.each([
    ["a customer", user({ customerId: CUSTOMER }), { customerId: CUSTOMER, providerBusinessId: null }],
    [
      "provider staff",
      user({ business: { id: PROVIDER, provider: true } }),
      { customerId: null, providerBusinessId: PROVIDER },
    ],
    [
      "a customer who is also provider staff",
      user({ customerId: CUSTOMER, business: { id: PROVIDER, provider: true } }),
      { customerId: CUSTOMER, providerBusinessId: PROVIDER },
    ],
    [
      "a customer acting for a business off the marketplace",
      user({ customerId: CUSTOMER, business: { id: OTHER, provider: false } }),
      { customerId: CUSTOMER, providerBusinessId: null },
    ],
  ])("knows %s", (_, actor, expected) => {
    expect(marketplaceActor(actor)).toMatchObject(expected);
  });

  it("refuses staff of a business off the marketplace with no customer profile, and anonymous callers", () => {
    expect(refusal(() => marketplaceActor(user({ business: { id: OTHER, provider: false } })))).toBe(
      "403 not_on_marketplace",
    );
    expect(refusal(() => marketplaceActor({ kind: "anonymous" }))).toBe("401");
  });
});

describe("jobSideOf", () => {
  const customer = marketplaceActor(user({ customerId: CUSTOMER }));
  const stranger = marketplaceActor(user({ customerId: "c0000000-0000-4000-8000-000000000009" }));
  const provider = marketplaceActor(user({ business: { id: PROVIDER, provider: true } }));
  it.each([
    ["the customer, any state", customer, job("cancelled"), "customer"],
    ["another customer, an open job", stranger, job("open"), "404"],
    ["a provider, an open job", provider, job("open"), "provider"],
    [
      "a provider, a booked job it applied to",
      provider,
      job("booked", { providerApplied: true, bookedProviderId: OTHER }),
      "provider",
    ],
    [
      "a provider, a job it holds the booking of",
      provider,
      job("completed", { bookedProviderId: PROVIDER }),
      "provider",
    ],
    ["a provider, a booked job it had no part in", provider, job("booked", { bookedProviderId: OTHER }), "404"],
    ["a provider, a cancelled job it never applied to", provider, job("cancelled"), "404"],
  ] as const)("%s: %s", (_, actor, facts, expected) => {
    expect(refusal(() => expect(jobSideOf(actor, facts)).toBe(expected))).toBe(expected === "404" ? "404" : "allowed");
  });
});

describe("per-action guards", () => {
  const provider = marketplaceActor(user({ business: { id: PROVIDER, provider: true } }));
  it("names the reason for the wrong party", () => {
    expect(refusal(() => requireJobCustomer("provider"))).toBe("403 not_job_owner");
    expect(refusal(() => requireJobCustomer("customer"))).toBe("allowed");
    expect(refusal(() => requireJobProvider("customer"))).toBe("403 own_job");
    expect(refusal(() => requireBookingParty(provider, "customer", { bookedProviderId: null }))).toBe("allowed");
    expect(refusal(() => requireBookingParty(provider, "provider", { bookedProviderId: PROVIDER }))).toBe("allowed");
    expect(refusal(() => requireBookingParty(provider, "provider", { bookedProviderId: OTHER }))).toBe(
      "403 not_booked_provider",
    );
    expect(refusal(() => requireBookingParty(provider, "provider", { bookedProviderId: null }))).toBe(
      "403 not_booked_provider",
    );
  });
});
