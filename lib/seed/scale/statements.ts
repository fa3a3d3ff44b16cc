/**
 * The INSERT ... SELECT FROM generate_series statements of the scale world, one builder per
 * table, each for a range of customer numbers (or CRM record numbers). Every row is a pure
 * function of its number, so a child row recomputes its parent's id and attributes (a review
 * knows its job's status, category and completion time) without reading the parent table.
 *
 * Shape per customer: 5 jobs (66% completed, 10% booked, 12% open, 12% cancelled); each
 * completed job is reviewed by 2-4 distinct provider businesses (the booked one plus
 * co-providers, which keeps customer_reviews' (job, provider) key unique at ~10 reviews per
 * customer); one accepted application and a booking per booked or completed job and per half of
 * the cancelled ones (cancelled after booking, by either side; the unbooked half withdrawn by the
 * customer), 0-2 pending applications per open job; provider_interactions for every reviewer
 * (job_completed), every booking and every pending application. Customer 1 is "the whale": N/400 extra completed jobs
 * with 4 reviews each (10,000 reviews at N = 1M), for deep-pagination benchmarks. profile_stats and
 * profile_job_categories are loaded last from these rows, by the definition the live counters are
 * held to (lib/customer-profile/stats-definition.ts, called from ../scale.ts).
 */
import { FIRST_NAMES, JOB_CATEGORIES, JOB_DESCRIPTIONS, LAST_NAMES, REVIEW_COMMENTS } from "@/lib/seed/catalog";
import { ANCHOR, type Expr, lit, minutesBefore, plusMinutes, S, textArray } from "./expr";

export type Shape = {
  customers: number;
  providers: number;
  /** CRM records in all: N/2 spread over the businesses, then `bigBusinessRecords` more. */
  crmCustomers: number;
  /** Extra CRM records of business 1, the large business the customer directory is measured on. */
  bigBusinessRecords: number;
  whaleJobs: number;
};

/** Records the large business gets on top of its share: 50,000 from N = 100k on (the directory benchmark). */
export const BIG_BUSINESS_RECORDS = 50_000;

/** ~N/200 provider businesses, never fewer than 5 (a job's reviewers must be distinct). */
export function shapeFor(customers: number): Shape {
  const spread = Math.floor(customers / 2);
  const big = Math.min(BIG_BUSINESS_RECORDS, spread);
  return {
    customers,
    providers: Math.max(5, Math.round(customers / 200)),
    crmCustomers: spread + big,
    bigBusinessRecords: big,
    whaleJobs: Math.floor(customers / 400),
  };
}

export const JOBS_PER_CUSTOMER = 5;
export const WHALE_REVIEWERS = 4;

const FIRSTS = textArray(FIRST_NAMES);
const LASTS = textArray(LAST_NAMES);
const CATEGORIES = textArray(JOB_CATEGORIES.map((c) => c.name));
const TITLES = textArray(JOB_CATEGORIES.flatMap((c) => c.titles));
const DESCRIPTIONS = textArray(JOB_DESCRIPTIONS);
const APPLICATION_MESSAGES = textArray([
  "Hi! We have done many jobs like this nearby and can start this week.",
  "Happy to help. I can come by for a free quote first.",
  "Fully insured, and we bring everything needed.",
  "I have a slot on Thursday morning if that suits you.",
]);
const BUSINESS_WORDS = {
  adjectives: textArray([
    "Reliable",
    "Bright",
    "Green",
    "Happy",
    "Swift",
    "Golden",
    "City",
    "Trusty",
    "Prime",
    "Fresh",
    "Urban",
    "Blue Sky",
    "North Star",
    "Evergreen",
    "Hometown",
    "Sunrise",
    "Premier",
    "Friendly",
    "Neat",
    "Crystal",
  ]),
  trades: textArray([
    "Cleaning",
    "Repairs",
    "Gardens",
    "Plumbing",
    "Electric",
    "Pet Care",
    "Painting",
    "Handyman",
    "Lawn Care",
    "Home Services",
    "Windows",
    "Assembly",
    "Tree Care",
    "Smart Homes",
    "Maids",
  ]),
  suffixes: textArray(["Co.", "& Sons", "Services", "Pros", "Experts", "Team", "Collective", "Ltd."]),
};
const PRODUCTS = textArray([
  "Service visit",
  "Maintenance plan",
  "Gift card",
  "Products",
  "Consultation",
  "Repeat booking",
]);
const DISPUTE_REASON = lit("The review describes a different job; I was not at home that day.");

const FIRST_COUNT = FIRST_NAMES.length;
const LAST_COUNT = LAST_NAMES.length;

export class Statements {
  constructor(
    private readonly e: Expr,
    private readonly shape: Shape,
    private readonly passwordHash: string,
  ) {}

  private customerAgeDays = (c: string) => `(60 + ${this.e.pick(c, S.custAge, 1000)})`;
  private customerCreated = (c: string) =>
    minutesBefore(`${this.customerAgeDays(c)} * 1440 + ${this.e.pick(c, S.custMinute, 1440)}`);
  private first = (c: string) => `(${FIRSTS})[1 + ${this.e.pick(c, S.firstName, FIRST_COUNT)}]`;
  private last = (c: string) => `(${LASTS})[1 + ${this.e.pick(c, S.lastName, LAST_COUNT)}]`;
  private ownerUser = (p: string) => this.e.uid("user", `${this.shape.customers} + ${p}`);
  private email = (f: string, l: string, n: string, domain: string) =>
    `lower(${f}) || '.' || lower(${l}) || '.' || ${n} || ${lit(domain)}`;

  businesses(): string[] {
    const { e, shape } = this;
    const created = minutesBefore(`(400 + ${e.pick("p", S.bizAge, 1500)}) * 1440`);
    const from = `from (select p, ${created} as t from generate_series(1::int8, ${shape.providers}::int8) p offset 0) s`;
    const name = [
      `(${BUSINESS_WORDS.adjectives})[1 + ${e.pick("p", S.bizAdj, 20)}]`,
      `(${BUSINESS_WORDS.trades})[1 + ${e.pick("p", S.bizTrade, 15)}]`,
      `(${BUSINESS_WORDS.suffixes})[1 + ${e.pick("p", S.bizSuffix, 8)}]`,
    ].join(` || ' ' || `);
    const ownerFirst = `(${FIRSTS})[1 + ${e.pick("p", S.ownerFirst, FIRST_COUNT)}]`;
    const ownerLast = `(${LASTS})[1 + ${e.pick("p", S.ownerLast, LAST_COUNT)}]`;
    return [
      `insert into businesses (id, name, is_marketplace_provider, currency, created_at, updated_at)
       select ${e.uid("business", "p")}, ${name}, true, 'USD', t, t ${from}`,
      `insert into users (id, email, name, password_hash, created_at, updated_at)
       select ${this.ownerUser("p")}, 'owner' || p || '@provider.scale.test', ${ownerFirst} || ' ' || ${ownerLast}, ${lit(this.passwordHash)}, t, t ${from}`,
      `insert into memberships (business_id, user_id, role, created_at, updated_at)
       select ${e.uid("business", "p")}, ${this.ownerUser("p")}, 'owner', t, t ${from}`,
    ];
  }

  customers(a: number, b: number): string[] {
    const { e } = this;
    const from = `from (select c, ${this.first("c")} as f, ${this.last("c")} as l, ${this.customerCreated("c")} as t
      from generate_series(${a}::int8, ${b}::int8) c offset 0) s`;
    const pv = e.unit("c", S.providerVis);
    const sv = e.unit("c", S.socialVis);
    const providerVisibility = `case when ${pv} < 0.7 then 'public' when ${pv} < 0.9 then 'restricted' else 'private' end`;
    const socialVisibility = `case when ${sv} < 0.3 then 'public' when ${sv} < 0.85 then 'connections' else 'private' end`;
    return [
      `insert into users (id, email, name, password_hash, created_at, updated_at)
       select ${e.uid("user", "c")}, ${this.email("f", "l", "c", "@scale.test")}, f || ' ' || l, ${lit(this.passwordHash)}, t, t ${from}`,
      `insert into customers (id, user_id, first_name, last_name, handle, provider_visibility, social_visibility, created_at, updated_at)
       select ${e.uid("customer", "c")}, ${e.uid("user", "c")}, f, l, ${e.handle("c")},
         (${providerVisibility})::provider_visibility, (${socialVisibility})::social_visibility, t, t ${from}`,
    ];
  }

  /**
   * The job numbers of customers a..b: theirs ((a-1)*5+1 .. b*5), and with the last range the
   * whale's extra jobs after 5N.
   */
  private jobRanges(a: number, b: number): [number, number][] {
    const { customers, whaleJobs } = this.shape;
    const ranges: [number, number][] = [[(a - 1) * JOBS_PER_CUSTOMER + 1, b * JOBS_PER_CUSTOMER]];
    if (b === customers && whaleJobs > 0)
      ranges.push([customers * JOBS_PER_CUSTOMER + 1, customers * JOBS_PER_CUSTOMER + whaleJobs]);
    return ranges;
  }

  /** One statement per job range of customers a..b. */
  private perJobRange(a: number, b: number, build: (base: string) => string): string[] {
    return this.jobRanges(a, b).map(([first, last]) => build(this.jobsBase(first, last)));
  }

  /** Every attribute of jobs first..last that a child row might need, as a derived table `jb`. */
  private jobsBase(first: number, lastJob: number): string {
    const { e, shape } = this;
    const whale = `j > ${shape.customers * JOBS_PER_CUSTOMER}`;
    const status = `case when ${whale} then 'completed' when u < 0.66 then 'completed' when u < 0.76 then 'booked' when u < 0.88 then 'open' else 'cancelled' end`;
    // Open jobs are days old, booked ones weeks; settled ones anywhere in the customer's lifetime.
    const age = `case st when 'open' then ${e.pick("j", S.jobAge, 14 * 1440)}
      when 'booked' then 1440 + ${e.pick("j", S.jobAge, 20 * 1440)}
      else 20 * 1440 + ${e.pick("j", S.jobAge, `(${this.customerAgeDays("c")} - 25) * 1440`)} end`;
    const bookedAt = plusMinutes(
      plusMinutes("created_at", `30 + ${e.pick("j * 4", S.appTime, 600)}`),
      `60 + ${e.pick("j", S.bookTime, 1380)}`,
    );
    // Whether a provider was booked: booked and completed jobs, and half the cancelled ones.
    const booked = `(st in ('booked', 'completed') or (st = 'cancelled' and ${e.unit("j", S.jobCancelBooked)} < 0.5))`;
    // A booked job is called off at least an hour after its booking.
    const cancelledAt = plusMinutes("created_at", `1440 + ${e.pick("j", S.jobCancel, 4 * 1440)}`);
    return `(select j, c, st, cat, p0, nrev, napp, created_at, scheduled_for, booked,
        case when st = 'completed' then ${plusMinutes("scheduled_for", `120 + ${e.pick("j", S.jobDone, 240)}`)} end as completed_at,
        case when st = 'cancelled' and booked then greatest(${cancelledAt}, ${plusMinutes(bookedAt, "60")})
          when st = 'cancelled' then ${cancelledAt} end as cancelled_at,
        ${bookedAt} as booked_at
      from (select *, ${plusMinutes("created_at", `2880 + ${e.pick("j", S.jobSchedule, 12 * 1440)}`)} as scheduled_for
        from (select *, ${minutesBefore(age)} as created_at, ${booked} as booked
          from (select j, case when ${whale} then 1 else (j - 1) / ${JOBS_PER_CUSTOMER} + 1 end as c, ${status} as st,
              ${e.pick("j", S.jobCategory, JOB_CATEGORIES.length)} as cat,
              ${e.pick("j", S.provider, shape.providers)} as p0,
              case when ${whale} then ${WHALE_REVIEWERS} else 2 + ${e.pick("j", S.reviewers, 3)} end as nrev,
              ${e.pick("j", S.applicants, 3)} as napp
            from (select j, ${e.unit("j", S.jobStatus)} as u from generate_series(${first}::int8, ${lastJob}::int8) j) x
          offset 0) y
        offset 0) z
      offset 0) w
    offset 0) jb`;
  }

  private provider = (i: string) => `((p0 + ${i}) % ${this.shape.providers}) + 1`;
  private appliedAt = (i: string) =>
    plusMinutes("created_at", `(30 + ${this.e.pick(`j * 4 + ${i}`, S.appTime, 600)}) * (${i} + 1)`);

  jobs(a: number, b: number): string[] {
    const { e } = this;
    return this.perJobRange(
      a,
      b,
      (base) =>
        `insert into jobs (id, customer_id, title, category, description, budget_minor, currency, scheduled_for, status,
         completed_at, cancelled_at, cancelled_by, created_at, updated_at)
       select ${e.uid("job", "j")}, ${e.uid("customer", "c")},
         (${TITLES})[cat * 2 + 1 + ${e.pick("j", S.jobTitle, 2)}], (${CATEGORIES})[cat + 1],
         (${DESCRIPTIONS})[1 + ${e.pick("j", S.jobDesc, JOB_DESCRIPTIONS.length)}],
         case when ${e.unit("j", S.jobBudgetNull)} < 0.1 then null else (6 + ${e.pick("j", S.jobBudget, 55)}) * 500 end,
         'USD', scheduled_for, st::job_status, completed_at, cancelled_at,
         -- Only a booked job can be cancelled by its provider; half of those are.
         case when st = 'cancelled' then (case when not booked or ${e.unit("j", S.jobCancelBy)} < 0.5 then 'customer' else 'provider' end)::party_role end,
         created_at, coalesce(completed_at, cancelled_at, created_at)
       from ${base}`,
    );
  }

  applications(a: number, b: number): string[] {
    const { e } = this;
    return this.perJobRange(
      a,
      b,
      (base) =>
        `insert into job_applications (id, job_id, provider_business_id, applicant_user_id, message, status, created_at, updated_at)
       select ${e.uid("application", "j * 4 + i")}, ${e.uid("job", "j")}, ${e.uid("business", this.provider("i"))},
         ${this.ownerUser(this.provider("i"))}, (${APPLICATION_MESSAGES})[1 + ${e.pick("j * 4 + i", S.appMessage, 4)}],
         (case when st = 'open' then 'pending' else 'accepted' end)::application_status, ${this.appliedAt("i")}, ${this.appliedAt("i")}
       from ${base}
       cross join lateral generate_series(0, case when booked then 0 when st = 'open' then napp - 1 else -1 end) i`,
    );
  }

  bookings(a: number, b: number): string[] {
    const { e } = this;
    return this.perJobRange(
      a,
      b,
      (base) =>
        `insert into bookings (id, job_id, application_id, provider_business_id, customer_id, created_at)
       select ${e.uid("booking", "j")}, ${e.uid("job", "j")}, ${e.uid("application", "j * 4")}, ${e.uid("business", "p0 + 1")},
         ${e.uid("customer", "c")}, booked_at
       from ${base} where booked`,
    );
  }

  reviews(a: number, b: number): string[] {
    const { e } = this;
    const n = "(j * 4 + i)";
    const u = e.unit(n, S.rating);
    // Most customers are rated well; ~8% are "difficult" and get a low-skewed distribution.
    const rating = `case when ${e.unit("c", S.difficult)} < 0.08
      then (case when ${u} < 0.15 then 1 when ${u} < 0.35 then 2 when ${u} < 0.6 then 3 when ${u} < 0.85 then 4 else 5 end)
      else (case when ${u} < 0.02 then 1 when ${u} < 0.05 then 2 when ${u} < 0.15 then 3 when ${u} < 0.4 then 4 else 5 end) end`;
    const comment = `case rating ${REVIEW_COMMENTS.map(
      (list, r) => `when ${r + 1} then (${textArray(list)})[1 + ${e.pick("n", S.comment, list.length)}]`,
    ).join(" ")} end`;
    const disputed = `(rating <= 2 and ${e.unit("n", S.dispute)} < 0.15)`;
    return this.perJobRange(
      a,
      b,
      (base) =>
        `insert into customer_reviews (id, job_id, customer_id, provider_business_id, author_user_id, rating, comment, job_category,
         is_visible, disputed_at, dispute_reason, created_at, updated_at)
       select ${e.uid("review", "n")}, ${e.uid("job", "j")}, ${e.uid("customer", "c")}, ${e.uid("business", "prov")}, ${this.ownerUser("prov")},
         rating, ${comment}, (${CATEGORIES})[cat + 1], ${e.unit("n", S.hidden)} >= 0.03,
         case when ${disputed} then t + interval '2 days' end, case when ${disputed} then ${DISPUTE_REASON} end,
         t, case when ${disputed} then t + interval '2 days' else t end
       from (select j, c, cat, ${n} as n, ${this.provider("i")} as prov, ${rating} as rating,
           ${plusMinutes("completed_at", `60 + ${e.pick(n, S.reviewTime, 3 * 1440)}`)} as t
         from ${base} cross join lateral generate_series(0, nrev - 1) i
         where st = 'completed' offset 0) r`,
    );
  }

  interactions(a: number, b: number): string[] {
    const { e } = this;
    const cols = (n: string, provider: string, kind: string, at: string) =>
      `${e.uid("interaction", n)}, ${e.uid("business", provider)}, ${e.uid("customer", "c")}, '${kind}'::interaction_kind, ${e.uid("job", "j")}, ${at}, ${at}`;
    return this.perJobRange(
      a,
      b,
      (base) =>
        `insert into provider_interactions (id, provider_business_id, customer_id, kind, job_id, first_at, last_at)
       select ${cols("j * 8 + i", this.provider("i"), "job_completed", "completed_at")}
         from ${base} cross join lateral generate_series(0, nrev - 1) i where st = 'completed'
       union all
       select ${cols("j * 8 + 4", "p0 + 1", "booking", "booked_at")}
         from ${base} where booked
       union all
       select ${cols("j * 8 + 5 + i", this.provider("i"), "job_application", this.appliedAt("i"))}
         from ${base} cross join lateral generate_series(0, napp - 1) i where st = 'open'`,
    );
  }

  /**
   * CRM records (a..b) as a derived table `cb`; business skewed so a few businesses are large, and
   * the records after the first N/2 all business 1's (the large business; their numbers stay at
   * most N, so a linked one is still a platform customer of its own).
   */
  private crmBase(a: number, b: number): string {
    const { e, shape } = this;
    const u = e.unit("r", S.crmType);
    const spread = shape.crmCustomers - shape.bigBusinessRecords;
    return `(select r, case when r > ${spread} then 1::int8
          else 1 + least(${shape.providers - 1}, floor(${shape.providers} * biz_u * biz_u))::int8 end as biz,
        ${e.unit("r", S.crmLink)} < 0.4 as linked,
        case when ${u} < 0.3 then 'walk_in' when ${u} < 0.85 then 'regular' when ${u} < 0.95 then 'vip' else 'wholesale' end as ctype,
        1440 + ${e.pick("r", S.crmAge, 700 * 1440)} as age_min,
        ${e.pick("r", S.purchaseCount, 8)} as np,
        ${e.unit("r", S.crmDeleted)} < 0.01 as deleted
      from (select r, ${e.unit("r", S.crmBiz)} as biz_u from generate_series(${a}::int8, ${b}::int8) r) x offset 0) cb`;
  }

  private amount = () =>
    `(60 + ${this.e.pick("r * 8 + i", S.purchaseAmount, 800)}) * 5 * (case when ctype = 'wholesale' then 10 else 1 end)`;
  private purchasedAt = () => minutesBefore(this.e.pick("r * 8 + i", S.purchaseTime, "age_min"));

  crmCustomers(a: number, b: number): string[] {
    const { e } = this;
    const cFirst = `(${FIRSTS})[1 + ${e.pick("r", S.crmFirst, FIRST_COUNT)}]`;
    const cLast = `(${LASTS})[1 + ${e.pick("r", S.crmLast, LAST_COUNT)}]`;
    // A linked record is platform customer number r, with that customer's name and email.
    return [
      `insert into crm_customers (id, business_id, customer_id, full_name, email, phone, birthday, customer_type,
         purchase_count, total_items_bought, total_spent_minor, first_purchase_at, last_purchase_at, created_at, updated_at, deleted_at)
       select ${e.uid("crm", "r")}, ${e.uid("business", "biz")}, case when linked then ${e.uid("customer", "r")} end, f || ' ' || l,
         case when linked then ${this.email("f", "l", "r", "@scale.test")}
           when ${e.unit("r", S.crmEmail)} < 0.75 then ${this.email("f", "l", "r", "@example.net")} end,
         case when ${e.unit("r", S.crmPhone)} < 0.7 then '+1 555 ' || lpad(${e.pick("r", S.crmPhoneNo, 10_000_000)}::text, 7, '0') end,
         case when ${e.unit("r", S.crmBirthday)} < 0.3 then date '1950-01-01' + ${e.pick("r", S.crmBirthdayNo, 18_000)}::int end,
         ctype::customer_type, t.cnt, t.cnt, t.total, t.first_at, t.last_at,
         ${minutesBefore("age_min")}, case when deleted then ${ANCHOR} - interval '5 days' else coalesce(t.last_at, ${minutesBefore("age_min")}) end,
         case when deleted then ${ANCHOR} - interval '5 days' end
       from (select *, case when linked then ${this.first("r")} else ${cFirst} end as f,
           case when linked then ${this.last("r")} else ${cLast} end as l
         from ${this.crmBase(a, b)} offset 0) s
       cross join lateral (select count(*)::int as cnt, coalesce(sum(amt), 0)::int8 as total, min(at) as first_at, max(at) as last_at
         from (select ${this.amount()} as amt, ${this.purchasedAt()} as at from generate_series(0, np - 1) i) p) t`,
    ];
  }

  purchases(a: number, b: number): string[] {
    const { e } = this;
    return [
      `insert into purchases (id, business_id, crm_customer_id, amount_minor, currency, description, source, purchased_at, created_at)
       select ${e.uid("purchase", "r * 8 + i")}, ${e.uid("business", "biz")}, ${e.uid("crm", "r")}, ${this.amount()}, 'USD',
         (${PRODUCTS})[1 + ${e.pick("r * 8 + i", S.purchaseDesc, 6)}], 'pos', ${this.purchasedAt()}, ${this.purchasedAt()}
       from ${this.crmBase(a, b)} cross join lateral generate_series(0, np - 1) i`,
    ];
  }
}
