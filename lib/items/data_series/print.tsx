import { SvgChart } from "@/components/charts/svg-chart";
import { dataSeriesGeometry } from "@/lib/charts/data-series";
import { Empty, PrintTable, type ItemPrintModule } from "../print-parts";
import type { TableColumn } from "../table";
import type { DataSeriesItem, DataSeriesValue } from ".";

export const dataSeriesPrint: ItemPrintModule<DataSeriesItem> = {
  Answer: ({ item, value, names }) => {
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
        <PrintTable columns={columns} value={{ rows: v.rows.map((r) => ({ id: r.id, cells: { label: r.label, ...r.values } })) }} names={names} caption={item.label} />
      </div>
    );
  },
};
