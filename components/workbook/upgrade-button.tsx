"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { upgradeWorkbookAction } from "@/app/actions/workbook";
import { Button } from "@/components/ui/button";

export function UpgradeButton({ workspaceId, fromVersion, toVersion }: { workspaceId: string; fromVersion: number; toVersion: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await upgradeWorkbookAction(workspaceId, { fromVersion, toVersion });
            if (!result.ok) {
              setError(result.error.message);
              return;
            }
            router.push(`/w/${workspaceId}?upgraded=${toVersion}`);
          })
        }
      >
        {pending ? "Upgrading…" : `Upgrade to version ${toVersion}`}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
