import type { Category, Tier } from "./categories";

/**
 * A starting call-type mapping from common CAD code descriptions. It is only
 * a suggestion: the team confirms or changes every line, and what it saves
 * is used from then on.
 */
export type Classification = { category: Category; tier: Tier };

const RULES: [RegExp, Category, Tier][] = [
  // Danger first: anything with a weapon or violence stays with police.
  [/\b(weapon|gun|shots?|shooting|armed|knife|stab|homicide|robbery|burglary|assault|battery|kidnap|hostage|barricade|domestic viol)/i, "other", "police"],
  [/\b(suicid|self[- ]?harm|jumper|overdose.{0,12}intent)/i, "suicide", "co-response"],
  [/\b(mental|psych|emotional|behavio|crisis|edp|disturbed (person|subject)|5150|10-?96|baker act|person in crisis|mh\b)/i, "mental-health", "civilian"],
  [/\b(welfare|well[- ]?being|check (the )?(on|wel)|wel ?chk|wellness)/i, "welfare-check", "civilian"],
  [/\b(overdose|o\.?d\.?\b|narcan)/i, "substance-use", "co-response"],
  [/\b(intox|drunk|inebriat|drug|substance|detox|public (intox|drink)|under the influence|liquor|alcohol)/i, "substance-use", "civilian"],
  [/\b(homeless|transient|encamp|camp(ing|ers?)?\b|sleeping|panhandl|vagran|unhoused|shelter)/i, "homelessness", "civilian"],
  [/\b(noise|loud (music|party)|nuisance|neighbo(u)?r dispute)/i, "disturbance", "civilian"],
  [/\b(disturb|disorderly|trespass|loiter|suspicious (person|subject)|unwanted (person|subject|guest)|dispute|juvenile problem|fight)/i, "disturbance", "co-response"],
  [/\b(medical|ems|ambulance|injur|sick|unconscious|breathing|cardiac|seizure|fall\b|fallen|lift assist)/i, "medical", "na"],
  [/\b(traffic|accident|crash|collision|mva|vehicle|parking|theft|larceny|fraud|vandal|alarm|warrant|fire)/i, "other", "police"],
];

/** The suggested classification of a code and its description, or null when nothing matches. */
export function suggestClassification(code: string, description?: string | null): Classification | null {
  const text = `${code} ${description ?? ""}`;
  for (const [re, category, tier] of RULES) if (re.test(text)) return { category, tier };
  return null;
}

/** What a call type counts as when nobody has mapped it and nothing matches. */
export const UNMAPPED: Classification = { category: "other", tier: "police" };
