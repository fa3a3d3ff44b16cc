/**
 * The demo accounts people sign in with: one shared password, and for each account what it is
 * and what to try. The README and the e2e specs read this list, so it is the single source.
 */

/** Every seeded account (demo and scale) signs in with this password. */
export const DEMO_PASSWORD = "clientele-demo";

export type DemoAccount = {
  email: string;
  name: string;
  /** What the account is, in a few words. */
  role: string;
  /** What to try when signed in as this account. */
  tryThis: string;
  /** The shareable profile handle (/p/<handle>) of a customer account. */
  handle?: string;
};

export const DEMO_ACCOUNTS = [
  {
    email: "admin@clientele.test",
    name: "Avery Admin",
    role: "Platform admin",
    tryThis: "Platform-wide views; not a member of any business and has no customer profile.",
  },
  {
    email: "alice@clientele.test",
    name: "Alice Johnson",
    role: "Customer, public profile",
    tryThis:
      "Rich history: 22 completed jobs with 22 provider reviews (21 visible, so they page; one disputed), orders in every status, achievements, goals, connections. CRM records at five businesses (VIP at Bloom & Brew).",
    handle: "alice",
  },
  {
    email: "bob@clientele.test",
    name: "Bob Smith",
    role: "Customer, restricted profile",
    tryThis:
      "Only providers he has dealt with (Sparkle Cleaning Co., Handy Hank's Repairs) may see his profile; GreenThumb Gardens is refused.",
    handle: "bob",
  },
  {
    email: "carol@clientele.test",
    name: "Carol Davis",
    role: "Customer, private profile",
    tryThis: "No provider may see her profile; her social profile is private too.",
    handle: "carol",
  },
  {
    email: "dana@clientele.test",
    name: "Dana Wilson",
    role: "New customer",
    tryThis:
      "Joined a few days ago: one open job with one application, no reviews or orders; a pending connection request to Alice.",
    handle: "dana",
  },
  {
    email: "owner@sparkle.test",
    name: "Sofia Ramirez",
    role: "Owner of Sparkle Cleaning Co. (marketplace provider)",
    tryThis:
      "Browse customers and open jobs, view Alice (public) and Bob (restricted, allowed), review completed jobs, small CRM.",
  },
  {
    email: "staff@sparkle.test",
    name: "Marcus Bell",
    role: "Staff at Sparkle Cleaning Co.",
    tryThis: "Provider actions with the staff role: no staff management or business settings.",
  },
  {
    email: "owner@handyhank.test",
    name: "Hank Miller",
    role: "Owner of Handy Hank's Repairs (marketplace provider)",
    tryThis: "Has worked with Alice and Bob; one of his reviews of Alice is disputed.",
  },
  {
    email: "owner@greenthumb.test",
    name: "Grace Kim",
    role: "Owner of GreenThumb Gardens (marketplace provider)",
    tryThis: "Has never dealt with Bob, so his restricted profile is refused; Carol's private profile is refused.",
  },
  {
    email: "owner@pawsclaws.test",
    name: "Ben Carter",
    role: "Owner of Paws & Claws Pet Care (marketplace provider)",
    tryThis: "A smaller provider: pet sitting and dog walking jobs.",
  },
  {
    email: "owner@brightspark.test",
    name: "Nadia Hassan",
    role: "Owner of Bright Spark Electric (marketplace provider)",
    tryThis: "Electrical and smart-home jobs; has worked for Alice twice and applied to her open job.",
  },
  {
    email: "owner@bloom.test",
    name: "Rosa Martinez",
    role: "Owner of Bloom & Brew Café (CRM, ~300 customers)",
    tryThis: "CRM: search, notes, tags, preferences, purchases, appointments; manage staff; audit log.",
  },
  {
    email: "admin@bloom.test",
    name: "Theo Nguyen",
    role: "Admin at Bloom & Brew Café",
    tryThis: "Everything the owner can do, but may not hand out the owner role.",
  },
  {
    email: "manager@bloom.test",
    name: "Priya Shah",
    role: "Manager at Bloom & Brew Café",
    tryThis: "Edit and soft-delete CRM records, read the audit log; no staff management, no export or erasure.",
  },
  {
    email: "staff@bloom.test",
    name: "Sam Okafor",
    role: "Staff at Bloom & Brew Café",
    tryThis: "Read and edit CRM records; cannot delete, export or manage staff.",
  },
  {
    email: "owner@salon.test",
    name: "Lena Fischer",
    role: "Owner of Luxe Locks Salon (CRM in EUR, appointments)",
    tryThis: "Appointments calendar, EUR purchases; Carol is a VIP here although her marketplace profile is private.",
  },
  {
    email: "stylist@salon.test",
    name: "Maya Chen",
    role: "Staff at Luxe Locks Salon",
    tryThis: "Appointments assigned to her; CRM read and write.",
  },
  {
    email: "multi@clientele.test",
    name: "Jordan Lee",
    role: "Staff at Bloom & Brew Café and manager at Luxe Locks Salon",
    tryThis: "The business switcher: the same person acts for two businesses with different roles.",
  },
] as const satisfies readonly DemoAccount[];

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];
