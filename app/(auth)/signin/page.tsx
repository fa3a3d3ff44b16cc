/** /signin: email and password. `?callbackUrl=` is honoured only as a same-origin path. */
import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/page";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl, "") : "";
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Welcome back to Clientele.</p>
      <SignInForm callbackUrl={safe || undefined} />
    </Card>
  );
}
