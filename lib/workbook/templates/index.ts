import { indexTemplate, type Template, type TemplateIndex } from "../template-schema";
import { crisisResponseTemplate } from "./crisis-response";
import { crisisResponseTemplateV2 } from "./crisis-response-v2";

/**
 * The built-in workbook templates. A workbook records the (key, version) it
 * was created from, so every published version stays listed here even after
 * a newer one replaces it.
 */
const ALL_VERSIONS: readonly Template[] = [crisisResponseTemplate, crisisResponseTemplateV2];

export const DEFAULT_TEMPLATE_KEY = "crisis-response";

/** The newest version of each template, by key. */
export const TEMPLATES: Readonly<Record<string, Template>> = Object.freeze(
  ALL_VERSIONS.reduce<Record<string, Template>>((acc, t) => {
    const current = acc[t.key];
    if (!current || t.version > current.version) acc[t.key] = t;
    return acc;
  }, Object.create(null) as Record<string, Template>),
);

/** One exact version of a template, or undefined if it doesn't exist. */
export function getTemplate(key: string, version: number): Template | undefined {
  return ALL_VERSIONS.find((t) => t.key === key && t.version === version);
}

const indexCache = new Map<string, TemplateIndex>();

/** Lookup tables for one template version, built once and reused. */
export function templateIndex(key: string, version: number): TemplateIndex | undefined {
  const cacheKey = `${key}@${version}`;
  const cached = indexCache.get(cacheKey);
  if (cached) return cached;
  const template = getTemplate(key, version);
  if (!template) return undefined;
  const index = indexTemplate(template);
  indexCache.set(cacheKey, index);
  return index;
}
