import type { Metadata } from "next";
import { PasswordForm, ProfileForm } from "@/components/auth/account-forms";
import { Card } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageActor("/account");
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">Your account</h1>
      <p className="text-slate-700">Signed in as {actor.email}</p>
      <Card className="p-5">
        <h2 className="mb-4 text-lg font-semibold">Profile</h2>
        <ProfileForm name={actor.name} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-4 text-lg font-semibold">Password</h2>
        <PasswordForm />
      </Card>
    </main>
  );
}
