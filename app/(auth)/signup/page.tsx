import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallback } from "@/lib/auth/callback";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">Create an account</h1>
      <p className="mt-1 mb-6 text-slate-700">Join or start your community&apos;s crisis-response plan.</p>
      <SignUpForm callbackUrl={callbackUrl} email={email} />
    </div>
  );
}
