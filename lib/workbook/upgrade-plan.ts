import { indexTemplate, type Item, type Template } from "./template-schema";

/**
 * What moving a workbook from one template version to another changes, worked
 * out from the two templates alone. An answer is kept when its item key is in
 * both versions with the same kind; it is archived when its question is gone
 * or its kind changed (a changed meaning gets a new key, so a kept key means
 * the same question).
 */
export type WorksheetChange = {
  key: string;
  title: string;
  sectionTitle: string;
  change: "added" | "removed" | "changed";
  /** Questions added, removed or reworded in a changed worksheet. */
  items: { key: string; label: string; change: "added" | "removed" | "changed" | "moved" }[];
};

export type UpgradePlan = {
  templateKey: string;
  fromVersion: number;
  toVersion: number;
  worksheets: WorksheetChange[];
  /** Item keys whose answers are kept, with the worksheet they belong to afterwards. */
  kept: Map<string, string>;
  /** Item keys whose answers move to the archive. */
  archived: Set<string>;
};

function comparable(item: Item) {
  // Everything a reader would notice about a question, without its key.
  const { key: _key, ...rest } = item as Item & Record<string, unknown>;
  return JSON.stringify(rest);
}

export function planUpgrade(from: Template, to: Template): UpgradePlan {
  if (from.key !== to.key) throw new Error(`Cannot upgrade ${from.key} to a different template (${to.key}).`);
  const a = indexTemplate(from);
  const b = indexTemplate(to);
  const kept = new Map<string, string>();
  const archived = new Set<string>();
  for (const [key, entry] of a.itemByKey) {
    const next = b.itemByKey.get(key);
    if (next && next.item.kind === entry.item.kind) kept.set(key, next.worksheetKey);
    else archived.add(key);
  }

  const sectionTitle = (idx: typeof a, sectionKey: string) => idx.sections.find((s) => s.key === sectionKey)?.title ?? "";
  const worksheets: WorksheetChange[] = [];
  for (const w of b.worksheets) {
    const old = a.worksheetByKey.get(w.key);
    if (!old) {
      worksheets.push({ key: w.key, title: w.title, sectionTitle: sectionTitle(b, w.sectionKey), change: "added", items: [] });
      continue;
    }
    const items: WorksheetChange["items"] = [];
    for (const item of w.items) {
      const before = a.itemByKey.get(item.key);
      if (!before || before.item.kind !== item.kind) items.push({ key: item.key, label: item.label, change: "added" });
      else if (before.worksheetKey !== w.key) items.push({ key: item.key, label: item.label, change: "moved" });
      else if (comparable(before.item) !== comparable(item)) items.push({ key: item.key, label: item.label, change: "changed" });
    }
    for (const item of old.items) if (!kept.has(item.key)) items.push({ key: item.key, label: item.label, change: "removed" });
    const retitled = old.title !== w.title || old.intro !== w.intro;
    if (items.length || retitled) worksheets.push({ key: w.key, title: w.title, sectionTitle: sectionTitle(b, w.sectionKey), change: "changed", items });
  }
  for (const w of a.worksheets) {
    if (!b.worksheetByKey.has(w.key)) {
      worksheets.push({
        key: w.key,
        title: w.title,
        sectionTitle: sectionTitle(a, w.sectionKey),
        change: "removed",
        items: w.items.filter((i) => !kept.has(i.key)).map((i) => ({ key: i.key, label: i.label, change: "removed" as const })),
      });
    }
  }
  return { templateKey: from.key, fromVersion: from.version, toVersion: to.version, worksheets, kept, archived };
}

/** The newest version of a template when it is newer than `version`, else null. */
export function newerVersion(latest: Template | undefined, version: number): number | null {
  return latest && latest.version > version ? latest.version : null;
}
