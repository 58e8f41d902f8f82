import { z } from "zod";
import { itemBase, type Option } from "../base";
import { hasCompleteRow, summarizeRows, tableValueSchema, type TableColumn, type TableValue } from "../table";
import type { ItemKindModule } from "../types";

export const ACTION_STATUS_OPTIONS: Option[] = [
  { value: "not_started", label: "Not started" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "blocked", label: "Blocked" },
];

/** The fixed columns of an action plan: a table preset. */
export const ACTION_PLAN_COLUMNS: TableColumn[] = [
  { key: "objective", label: "Objective", type: "text", required: false, maxLength: 500 },
  { key: "action", label: "Action step", type: "text", required: true, maxLength: 1000 },
  { key: "owner", label: "Owner", type: "member", required: true, maxLength: 100 },
  { key: "due", label: "Due date", type: "date", required: true, maxLength: 10 },
  { key: "status", label: "Status", type: "choice", options: ACTION_STATUS_OPTIONS, required: true, maxLength: 40 },
];

export const template = z.object({ ...itemBase, kind: z.literal("action_plan"), maxRows: z.number().int().positive().max(500).default(200) });
export type ActionPlanItem = z.infer<typeof template>;

export const actionPlanKind = {
  kind: "action_plan",
  title: "Action plan",
  template,
  answerable: true,
  answerSchema: (item) => tableValueSchema(ACTION_PLAN_COLUMNS, item.maxRows),
  emptyValue: (): TableValue => ({ rows: [] }),
  isAnswered: (_item, v) => hasCompleteRow(ACTION_PLAN_COLUMNS, v),
  summarize: summarizeRows,
} satisfies ItemKindModule<ActionPlanItem, TableValue>;
