import { writeFileSync } from "node:fs";
import { renderExportPdf } from "@/lib/export/pdf/render";
import { demoExportModel } from "@/tests/support/export-fixtures";
const kind = process.argv[2] ?? "workbook";
const q: Record<string,string> = kind === "workbook" ? { includeProgress: "true", includeComments: "true" } : kind === "packet" ? { kind, worksheets: "team-charter,crisis-call-data,pmhc-self-assessment", title: "November planning meeting", date: "2026-11-30" } : kind === "blank" ? { kind } : { kind, sections: "getting-started" };
const model = demoExportModel(q, { actionRows: Number(process.env.ROWS ?? 0) });
const times: number[] = [];
const n = Number(process.env.N ?? 1);
let buf: Buffer | undefined;
for (let i = 0; i < n; i++) { const t = performance.now(); buf = await renderExportPdf(model); times.push(performance.now() - t); }
writeFileSync(`/tmp/exp/${kind}.pdf`, buf!);
console.log(kind, times.map(Math.round).join(" "), "median", Math.round(times.sort((a,b)=>a-b)[Math.floor(times.length/2)]));
