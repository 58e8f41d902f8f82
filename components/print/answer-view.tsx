import { SvgChart } from "@/components/charts/svg-chart";
import { dataSeriesGeometry } from "@/lib/charts/data-series";
import type { ChecklistValue, DataSeriesValue, MultipleChoiceValue, ResourceLinksValue, SingleChoiceValue, TableValue } from "@/lib/workbook/answer-schemas";
import { ACTION_PLAN_COLUMNS, type Item, type TableColumn } from "@/lib/workbook/template-schema";

/** A read-only rendering of one answer, for the print view. */

const Empty = () => <p className="italic text-slate-600">No answer yet.</p>;

function Box({ checked, label }: { checked: boolean; label: string }) {
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

function Table({ columns, value, names, caption }: { columns: TableColumn[]; value: TableValue; names: Map<string, string>; caption: string }) {
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

export function AnswerView({ item, value, names }: { item: Item; value: unknown; names: Map<string, string> }) {
  switch (item.kind) {
    case "instructions":
      return (
        <div className="space-y-2">
          {item.body.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      );
    case "short_text":
    case "long_text":
      return typeof value === "string" && value.trim() ? <p className="whitespace-pre-wrap">{value}</p> : <Empty />;
    case "number":
      return typeof value === "number" ? (
        <p>
          {value.toLocaleString("en-US")}
          {item.unit ? ` ${item.unit}` : ""}
        </p>
      ) : (
        <Empty />
      );
    case "date":
      return typeof value === "string" && value ? <p>{new Date(`${value}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}</p> : <Empty />;
    case "single_choice": {
      const v = (value ?? { choice: null }) as SingleChoiceValue;
      const options = item.allowOther ? [...item.options, { value: "other", label: `Other${v.other ? `: ${v.other}` : ""}` }] : item.options;
      return (
        <ul className="space-y-1">
          {options.map((o) => (
            <Box key={o.value} checked={v.choice === o.value} label={o.label} />
          ))}
        </ul>
      );
    }
    case "multiple_choice": {
      const v = (value ?? { choices: [] }) as MultipleChoiceValue;
      const options = item.allowOther ? [...item.options, { value: "other", label: `Other${v.other ? `: ${v.other}` : ""}` }] : item.options;
      return (
        <ul className="space-y-1">
          {options.map((o) => (
            <Box key={o.value} checked={v.choices.includes(o.value)} label={o.label} />
          ))}
        </ul>
      );
    }
    case "checklist": {
      const v = (value ?? { checked: [] }) as ChecklistValue;
      return (
        <ul className="space-y-1">
          {item.options.map((o) => (
            <Box key={o.value} checked={v.checked.includes(o.value)} label={o.label} />
          ))}
          {item.allowNoneApply ? <Box checked={Boolean(v.noneApply)} label="None of these apply" /> : null}
        </ul>
      );
    }
    case "rating": {
      const points = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
      return (
        <ol className="flex flex-wrap gap-2">
          {points.map((p, i) => (
            <li key={p} className={`rounded border px-2 py-1 text-center text-sm ${value === p ? "border-slate-900 bg-slate-200 font-semibold" : "border-slate-300"}`}>
              {p} · {item.pointLabels[i]}
              {value === p ? <span className="sr-only"> (chosen)</span> : null}
            </li>
          ))}
        </ol>
      );
    }
    case "table":
      return <Table columns={item.columns} value={(value ?? { rows: [] }) as TableValue} names={names} caption={item.label} />;
    case "action_plan":
      return <Table columns={ACTION_PLAN_COLUMNS} value={(value ?? { rows: [] }) as TableValue} names={names} caption={item.label} />;
    case "data_series": {
      const v = (value ?? { rows: [] }) as DataSeriesValue;
      if (!v.rows.length) return <Empty />;
      const geometry = dataSeriesGeometry(item, v, { width: 640, height: 260 });
      const columns: TableColumn[] = [
        { key: "label", label: item.rowLabel, type: "text", required: false, maxLength: 60 },
        ...item.columns.map((c) => ({ key: c.key, label: c.label, type: "number" as const, required: false, maxLength: 20 })),
      ];
      return (
        <div className="space-y-2">
          <SvgChart geometry={geometry} label={`${item.label}. ${geometry.description}`} />
          <Table columns={columns} value={{ rows: v.rows.map((r) => ({ id: r.id, cells: { label: r.label, ...r.values } })) }} names={names} caption={item.label} />
        </div>
      );
    }
    case "resource_links": {
      const v = (value ?? { links: [] }) as ResourceLinksValue;
      const links = [...item.links.map((l) => ({ title: l.title, url: l.url })), ...v.links];
      return links.length ? (
        <ul className="list-disc space-y-1 pl-5">
          {links.map((l, i) => (
            <li key={i}>
              {l.title} — <span className="break-all">{l.url}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty />
      );
    }
  }
}
