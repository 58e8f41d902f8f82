import type { ReactNode } from "react";
import type { ItemCommon } from "@/lib/items/base";

/**
 * What an item kind's editor control (components/items/<kind>.tsx) receives,
 * and what it registers in components/items/registry.tsx.
 */

export type Member = { id: string; name: string };

export type ControlProps<I> = {
  item: I;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  onFocus: () => void;
  disabled: boolean;
  members: Member[];
  describedBy?: string;
  invalid?: boolean;
  /** Id of the item's label; a control with one input gives it the id `${labelId}-input`. */
  labelId: string;
};

export interface ItemEditor<I extends ItemCommon> {
  /** The control that edits the answer. */
  Control?(props: ControlProps<I>): ReactNode;
  /** The label is a <label> for the control's single input (`${labelId}-input`); otherwise the control names itself by `labelId`. */
  labelsInput?: boolean;
  /** For items that take no answer: what the worksheet shows instead of a question. */
  Display?(props: { item: I }): ReactNode;
}

export const inputCls =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 disabled:bg-slate-100 disabled:text-slate-800 aria-[invalid=true]:border-red-700";
export const newId = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10));
