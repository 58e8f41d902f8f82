"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

export function AcceptInvitation({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <Button
        size="lg"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await acceptInvitationAction(token);
          if (!res.ok) {
            setError(res.error.message);
            setPending(false);
            return;
          }
          router.push(`/w/${res.data.workspaceId}`);
        }}
      >
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
