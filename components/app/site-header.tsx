/** The header on every page: the brand, then either sign-in links or the switcher, the faces and the user menu. */
import Link from "next/link";
import { getActor } from "@/lib/auth/current";
import type { UserActor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/authz/policy";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Brand } from "./brand";
import { BusinessSwitcher } from "./business-switcher";
import { UserMenu, type MenuLink } from "./user-menu";

/** The faces this person can open, in the order they are most likely to want them. */
function facesOf(user: UserActor): MenuLink[] {
  const links: MenuLink[] = [];
  const business = user.business;
  if (business?.isMarketplaceProvider) {
    links.push({ href: "/provider", label: "Provider dashboard" }, { href: "/provider/jobs", label: "Find jobs" });
  }
  if (business && hasPermission(business.role, "crm.read")) links.push({ href: "/crm", label: "Customers" });
  if (business && hasPermission(business.role, "staff.read")) links.push({ href: "/business/staff", label: "Staff" });
  if (user.customerId) links.push({ href: "/me", label: "Your profile" }, { href: "/me/jobs", label: "Your jobs" });
  if (user.isPlatformAdmin) links.push({ href: "/admin", label: "Platform admin" });
  links.push({ href: "/account", label: "Account and sessions" });
  return links;
}

export async function SiteHeader() {
  const actor = await getActor();
  const user = actor.kind === "user" ? actor : null;
  const faces = user ? facesOf(user) : [];
  const switchable = user !== null && user.memberships.length >= 2;
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/85 backdrop-blur">
      {/* Wraps on a phone only: the business switcher then gets a row of its own, wide enough for a
          business name, instead of being squeezed to an empty box between the brand and the menu. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 px-4 sm:flex-nowrap sm:px-6 lg:px-8">
        <Brand />
        {user && faces.length > 0 && (
          <nav aria-label="Main" className="hidden items-center gap-1 lg:flex">
            {faces.map((face) => (
              <Link
                key={face.href}
                href={face.href}
                className="rounded-lg px-2.5 py-2 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {face.label}
              </Link>
            ))}
          </nav>
        )}
        {user && switchable && (
          <div className="order-last w-full pb-3 sm:order-none sm:ml-auto sm:w-auto sm:pb-0">
            <BusinessSwitcher
              currentId={user.business?.businessId ?? null}
              memberships={user.memberships.map((m) => ({
                businessId: m.businessId,
                businessName: m.businessName,
                role: m.role,
              }))}
            />
          </div>
        )}
        <div className={cn("flex h-16 items-center gap-3", switchable ? "ml-auto sm:ml-0" : "ml-auto")}>
          {user ? (
            <>
              {switchable ? null : user.business ? (
                <Badge tone="brand" className="hidden sm:inline-flex">
                  {user.business.businessName}
                </Badge>
              ) : null}
              <UserMenu name={user.name} email={user.email} links={[{ href: "/home", label: "Home" }, ...faces]} />
            </>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost" size="sm">
                Sign in
              </ButtonLink>
              <ButtonLink href="/register" size="sm">
                Create account
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
