/** /register: create a customer or provider account, then land on its home. */
import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/page";
import { RegisterForm } from "@/components/auth/register-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl, "") : "";
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your account</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Customers and providers start here. Business staff are invited by their team.
      </p>
      <RegisterForm callbackUrl={safe || undefined} />
    </Card>
  );
}
