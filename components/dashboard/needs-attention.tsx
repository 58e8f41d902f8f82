import Link from "next/link";
import { ClipboardCheck, MessageSquare, TriangleAlert } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { AttentionItem } from "@/lib/progress/types";
import { formatDay, plural } from "./format";

function describe(item: AttentionItem, staleDays: number) {
  switch (item.kind) {
    case "overdue":
      return {
        icon: TriangleAlert,
        tone: "text-red-800",
        label: "Overdue",
        text: `${item.assignee.name} was due to finish this on ${formatDay(item.dueDate)} (${plural(item.daysOverdue, "day")} ago).`,
      };
    case "ready_for_review":
      return {
        icon: ClipboardCheck,
        tone: "text-amber-800",
        label: "Ready for review",
        text: item.since ? `Waiting for review since ${formatDay(item.since)}.` : "Waiting for review.",
      };
    case "stale_comments":
      return {
        icon: MessageSquare,
        tone: "text-sky-800",
        label: "Open comments",
        text: `${plural(item.threads, "comment thread")} open for more than ${plural(staleDays, "day")}, the oldest since ${formatDay(item.oldest)}.`,
      };
  }
}

/** Overdue assignments, worksheets waiting for review and long-open comment threads. */
export function NeedsAttention({
  items,
  workspaceId,
  staleDays,
}: {
  items: AttentionItem[];
  workspaceId: string;
  staleDays: number;
}) {
  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="text-xl font-semibold text-slate-900">
        Needs attention
      </h2>
      {items.length === 0 ? (
        <Card className="mt-3 p-5 text-sm text-slate-700">
          <p className="font-medium text-slate-900">Nothing needs your attention right now.</p>
          <p className="mt-1">
            No assignment is past its due date, no worksheet is waiting for review and no comment has been left open for more than{" "}
            {plural(staleDays, "day")}.
          </p>
        </Card>
      ) : (
        <Card className="mt-3">
          <ul className="divide-y divide-slate-200">
            {items.map((item, i) => {
              const d = describe(item, staleDays);
              const Icon = d.icon;
              return (
                <li key={`${item.kind}-${item.worksheetKey}-${i}`} className="flex gap-3 px-5 py-3 text-sm">
                  <Icon aria-hidden="true" className={`mt-0.5 h-5 w-5 shrink-0 ${d.tone}`} />
                  <div>
                    <p>
                      <span className={`font-semibold ${d.tone}`}>{d.label}:</span>{" "}
                      <Link
                        href={`/w/${workspaceId}/worksheets/${item.worksheetKey}`}
                        className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
                      >
                        {item.worksheetTitle}
                      </Link>
                    </p>
                    <p className="text-slate-700">{d.text}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </section>
  );
}
