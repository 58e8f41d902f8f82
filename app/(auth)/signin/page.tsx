import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallback } from "@/lib/auth/callback";
import { config } from "@/lib/config";
import { oidcEnabled } from "@/lib/auth/options";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OAuthSignin: "Single sign-on could not start. Please try again.",
  OAuthCallback: "Single sign-on did not complete. Please try again.",
  AccessDenied: "Your sign-in was not accepted.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : undefined;
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
      <p className="mt-1 mb-6 text-slate-700">Welcome back to your planning team&apos;s workbook.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={errorKey ? (ERRORS[errorKey] ?? errorKey.slice(0, 200)) : undefined}
        oidcName={oidcEnabled() ? config().OIDC_NAME : undefined}
      />
    </div>
  );
}
