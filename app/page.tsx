/** The landing page: what Clientele is, for each of its three kinds of people. */
import { getActor } from "@/lib/auth/current";
import { ButtonLink } from "@/components/ui/button";

const FACES = [
  {
    title: "Customers own their profile",
    body: "Keep one profile with your jobs, orders, goals and achievements. Decide which providers may see it, and see who looked.",
    tone: "bg-accent-50 text-accent-800",
    label: "Customers",
  },
  {
    title: "Providers see who they work with",
    body: "Marketplace providers read a customer's public profile (reliability, reviews, history with you) before taking a job.",
    tone: "bg-brand-50 text-brand-700",
    label: "Providers",
  },
  {
    title: "Businesses run their CRM",
    body: "Staff keep customer records, notes, tags, preferences and purchases, with roles for owners, admins, managers and staff.",
    tone: "bg-amber-50 text-amber-800",
    label: "Businesses",
  },
];

export default async function LandingPage() {
  const actor = await getActor();
  const signedIn = actor.kind === "user";
  return (
    <div className="space-y-16">
      <section className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-brand-700 via-brand-600 to-accent-600 px-6 py-16 text-white shadow-lg sm:px-12 sm:py-20">
        <div aria-hidden className="absolute -right-24 -top-24 size-72 rounded-full bg-white/10" />
        <div aria-hidden className="absolute -bottom-32 right-24 size-72 rounded-full bg-accent-300/20" />
        <div className="relative max-w-2xl">
          <p className="text-sm font-medium uppercase tracking-widest text-brand-100">Clientele</p>
          <h1 className="mt-3 text-4xl font-semibold tracking-tight sm:text-5xl">
            One customer profile. Three ways to use it.
          </h1>
          <p className="mt-4 text-lg text-brand-50/90">
            Customers manage their profile, marketplace providers view it with the customer&apos;s consent, and
            businesses keep their own customer records alongside it.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {signedIn ? (
              <ButtonLink href="/home" className="bg-white !text-brand-700 hover:bg-brand-50">
                Go to your home
              </ButtonLink>
            ) : (
              <>
                <ButtonLink href="/register" className="bg-white !text-brand-700 hover:bg-brand-50">
                  Create your account
                </ButtonLink>
                <ButtonLink
                  href="/signin"
                  variant="ghost"
                  className="text-white ring-1 ring-inset ring-white/40 hover:bg-white/10"
                >
                  Sign in
                </ButtonLink>
              </>
            )}
          </div>
        </div>
      </section>

      <section aria-labelledby="faces-heading">
        <h2 id="faces-heading" className="text-xl font-semibold tracking-tight text-slate-900">
          Built for everyone around a customer
        </h2>
        <ul className="mt-6 grid gap-4 md:grid-cols-3">
          {FACES.map((face) => (
            <li key={face.title} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${face.tone}`}>
                {face.label}
              </span>
              <h3 className="mt-4 text-base font-semibold text-slate-900">{face.title}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600">{face.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
