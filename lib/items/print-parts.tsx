import type { ReactNode } from "react";
import type { ItemCommon } from "./base";
import type { TableColumn, TableValue } from "./table";

/**
 * What an item kind's print-view part (lib/items/<kind>/print.tsx) provides,
 * and the pieces those parts share. The print view is a server-rendered page
 * the browser prints; these components hold no state.
 */

export type PrintAnswerProps<I> = {
  item: I;
  /** The stored answer (null for items that take none). */
  value: unknown;
  /** Member id → name, for member columns. */
  names: Map<string, string>;
};

export interface ItemPrintModule<I extends ItemCommon> {
  /** A read-only rendering of the answer under the item's label. */
  Answer(props: PrintAnswerProps<I>): ReactNode;
}

export const Empty = () => <p className="italic text-slate-600">No answer yet.</p>;

export function Box({ checked, label }: { checked: boolean; label: string }) {
  return (
    <li className="flex items-start gap-2">
      <span aria-hidden="true" className="font-mono">
        {checked ? "☑" : "☐"}
      </span>
      <span>
        {label}
        {checked ? <span className="sr-only"> (selected)</span> : null}
      </span>
    </li>
  );
}

function cellText(column: TableColumn, value: unknown, names: Map<string, string>) {
  if (value === null || value === undefined || value === "") return "";
  if (column.type === "member") return names.get(String(value)) ?? "A former member";
  if (column.type === "choice") return column.options?.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

export function PrintTable({ columns, value, names, caption }: { columns: TableColumn[]; value: TableValue; names: Map<string, string>; caption: string }) {
  if (!value.rows.length) return <Empty />;
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="border border-slate-400 bg-slate-100 px-2 py-1 text-left">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {value.rows.map((r) => (
          <tr key={r.id} className="break-inside-avoid">
            {columns.map((c) => (
              <td key={c.key} className="border border-slate-300 px-2 py-1 align-top whitespace-pre-wrap">
                {cellText(c, r.cells[c.key], names)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
