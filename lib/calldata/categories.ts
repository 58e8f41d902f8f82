/**
 * What a call is about (category) and who could answer it (response tier).
 * The category keys match the columns of the call data worksheet's
 * "911 calls by month and call type" series, so an import can fill it.
 */
export const CATEGORIES = [
  "mental-health",
  "suicide",
  "welfare-check",
  "substance-use",
  "disturbance",
  "homelessness",
  "medical",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  "mental-health": "Mental health / person in crisis",
  suicide: "Suicide threat or attempt",
  "welfare-check": "Welfare check",
  "substance-use": "Intoxication / substance use",
  disturbance: "Disturbance / trespass",
  homelessness: "Homelessness-related",
  medical: "Medical",
  other: "Other",
};

/** Short labels for charts and narrow screens. */
export const CATEGORY_SHORT: Record<Category, string> = {
  "mental-health": "Mental health",
  suicide: "Suicide",
  "welfare-check": "Welfare check",
  "substance-use": "Substance use",
  disturbance: "Disturbance",
  homelessness: "Homelessness",
  medical: "Medical",
  other: "Other",
};

export const TIERS = ["civilian", "co-response", "police", "na"] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  civilian: "Civilian crisis team alone",
  "co-response": "Co-response",
  police: "Police only",
  na: "Not applicable",
};

/** The tier whose calls count as diversion-eligible: a civilian team could answer them alone. */
export const DIVERSION_TIER: Tier = "civilian";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
