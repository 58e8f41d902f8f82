import type { Source } from "./types";

/** Publications the calculators' starting values come from. */
export const SOURCES = {
  crisisResourceNeed: {
    title: "Crisis Resource Need Calculator (defaults reflect Arizona's crisis system)",
    publisher: "McKinsey Health Institute and RI International, 2022",
    url: "https://talk.crisisnow.com/mckinsey-health-institute-and-ri-international-launch-user-friendly-interactive-crisis-resource-need-calculator/",
  },
  roadmap: {
    title: "Roadmap to the Ideal Crisis System",
    publisher: "Group for the Advancement of Psychiatry and National Council for Mental Wellbeing, 2021",
    url: "https://crisisroadmap.com/roadmap/report-card/report-card",
  },
  samhsa2025: {
    title: "National Guidelines for Behavioral Health Crisis Care",
    publisher: "SAMHSA, 2025",
    url: "https://www.einpresswire.com/article/777348264/samhsa-releases-updated-national-behavioral-health-crisis-care-guidance",
  },
  planning: {
    title: "Planning starting point of this workbook, not a published figure — replace it with local data",
  },
} satisfies Record<string, Source>;
