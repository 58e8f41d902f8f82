"use client";

import { useRouter } from "next/navigation";

/** Jump to another of the person's plans. */
export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: { id: string; name: string }[] }) {
  const router = useRouter();
  if (workspaces.length < 2) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="workspace-switcher" className="text-slate-700">
        Switch plan
      </label>
      <select
        id="workspace-switcher"
        className="max-w-[16rem] rounded-md border border-slate-400 bg-white px-2 py-1"
        value={current}
        onChange={(e) => router.push(`/w/${e.target.value}`)}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
