"use client";

import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import {
  changeRoleAction,
  inviteAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "@/app/actions/workspaces";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { inviteSchema } from "@/lib/workspaces/schemas";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";

type Member = { userId: string; name: string; email: string; role: Role };
type Invitation = { id: string; email: string; role: Role; expiresAt: string; expired: boolean };

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 space-y-2">
      <Label htmlFor="invite-link">Invitation link</Label>
      <div className="flex gap-2">
        <input id="invite-link" readOnly value={link} className="w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        Send this link to the person you invited. It works once and expires in 7 days.
      </p>
    </div>
  );
}

export function MembersPanel({
  workspaceId,
  members,
  invitations,
  canManage,
  currentUserId,
  emailEnabled,
}: {
  workspaceId: string;
  members: Member[];
  invitations: Invitation[];
  canManage: boolean;
  currentUserId: string;
  emailEnabled: boolean;
}) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof inviteSchema>>({ resolver: zodResolver(inviteSchema), defaultValues: { email: "", role: "MEMBER" } });

  const invite = form.handleSubmit(async (values) => {
    setMessage(null);
    setLink(null);
    const res = await inviteAction(workspaceId, values);
    if (!res.ok) {
      setMessage({ tone: "error", text: res.error.message });
      return;
    }
    form.reset({ email: "", role: values.role });
    setLink(res.data.link);
    setMessage({ tone: "success", text: res.data.emailed ? `Invitation e-mailed to ${res.data.email}.` : `Invitation created for ${res.data.email}.` });
  });

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } } & Record<string, unknown>>, success: string) =>
    startTransition(async () => {
      setMessage(null);
      const res = await fn();
      if (!res.ok) setMessage({ tone: "error", text: res.error?.message ?? "That did not work." });
      else setMessage({ tone: "success", text: success });
    });

  return (
    <div className="space-y-8">
      <FormAlert message={message?.text} tone={message?.tone} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          Members ({members.length})
        </h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
                {canManage ? <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId} className="border-t border-slate-200">
                  <td className="px-4 py-2 font-medium text-slate-900">
                    {m.name}
                    {m.userId === currentUserId ? <span className="ml-1 text-slate-600">(you)</span> : null}
                  </td>
                  <td className="px-4 py-2 text-slate-700">{m.email}</td>
                  <td className="px-4 py-2">
                    {canManage ? (
                      <select
                        aria-label={`Role of ${m.name}`}
                        className="rounded-md border border-slate-400 bg-white px-2 py-1"
                        value={m.role}
                        disabled={pending}
                        onChange={(e) =>
                          run(
                            () => changeRoleAction(workspaceId, { userId: m.userId, role: e.target.value }),
                            `${m.name} is now a ${ROLE_LABELS[e.target.value as Role].toLowerCase()}.`,
                          )
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ROLE_LABELS[m.role]
                    )}
                  </td>
                  {canManage ? (
                    <td className="px-4 py-2 text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        onClick={() => {
                          if (window.confirm(`Remove ${m.name} from this workspace?`)) {
                            run(() => removeMemberAction(workspaceId, m.userId), `${m.name} was removed.`);
                          }
                        }}
                      >
                        Remove<span className="sr-only"> {m.name}</span>
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {canManage ? (
        <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
            Invite someone
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {emailEnabled ? "We will e-mail them a link to join." : "You will get a link to send them yourself."}
          </p>
          <form onSubmit={invite} noValidate className="mt-4 grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" aria-label="Invite someone">
            <FormField label="Email address" type="email" autoComplete="off" error={form.formState.errors.email} {...form.register("email")} />
            <div>
              <Label htmlFor="invite-role">Role</Label>
              <select id="invite-role" className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm" {...form.register("role")}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Inviting…" : "Send invitation"}
            </Button>
          </form>
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {ROLES.map((r) => (
              <li key={r}>
                <strong>{ROLE_LABELS[r]}:</strong> {ROLE_DESCRIPTIONS[r]}
              </li>
            ))}
          </ul>
          {link ? <CopyLink link={link} /> : null}
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="text-lg font-semibold text-slate-900">
            Pending invitations
          </h2>
          {invitations.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No invitations are waiting.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {invitations.map((inv) => (
                <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{inv.email}</span> · {ROLE_LABELS[inv.role]} ·{" "}
                    {inv.expired ? (
                      <span className="text-red-700">expired</span>
                    ) : (
                      <span className="text-slate-700">expires {new Date(inv.expiresAt).toLocaleDateString("en-US", { dateStyle: "medium" })}</span>
                    )}
                  </span>
                  <span className="flex gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          const res = await resendInvitationAction(workspaceId, inv.id);
                          if (res.ok) {
                            setLink(res.data.link);
                            setMessage({ tone: "success", text: `A new link for ${inv.email} is ready${res.data.emailed ? " and was e-mailed" : ""}.` });
                          } else setMessage({ tone: "error", text: res.error.message });
                        })
                      }
                    >
                      Resend<span className="sr-only"> invitation to {inv.email}</span>
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={pending}
                      onClick={() => run(() => revokeInvitationAction(workspaceId, inv.id), `The invitation to ${inv.email} was revoked.`)}
                    >
                      Revoke<span className="sr-only"> invitation to {inv.email}</span>
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
