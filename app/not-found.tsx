/**
 * Any address that matches no page (and every notFound() without a page of its own): the site's
 * header and footer around a plain explanation and the ways back, with a 404 status.
 */
import type { Metadata } from "next";
import { getActor } from "@/lib/auth/current";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  const signedIn = (await getActor()).kind === "user";
  return (
    <Card className="mx-auto mt-4 max-w-lg text-center sm:mt-10">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 text-sm text-slate-600">
        There is no page at this address. The link may be mistyped, or the page may have moved.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {signedIn ? (
          <ButtonLink href="/home">Go to your home</ButtonLink>
        ) : (
          <>
            <ButtonLink href="/">Go to the home page</ButtonLink>
            <ButtonLink href="/signin" variant="secondary">
              Sign in
            </ButtonLink>
          </>
        )}
      </div>
    </Card>
  );
}
