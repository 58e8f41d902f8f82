import { z } from "zod";
import { count, itemBase, rowId } from "../base";
import type { ItemKindModule } from "../types";

export const resourceLinkSchema = z.object({
  title: z.string().min(1).max(300),
  url: z.url(),
  publisher: z.string().max(200).optional(),
  description: z.string().max(1000).optional(),
});

export const template = z.object({
  ...itemBase,
  kind: z.literal("resource_links"),
  /** Links the template suggests; the team can add its own. */
  links: z.array(resourceLinkSchema).default([]),
  maxLinks: z.number().int().positive().max(100).default(30),
});
export type ResourceLinksItem = z.infer<typeof template>;
export type ResourceLinksValue = { links: Array<{ id: string; title: string; url: string }> };

export const resourceLinksKind = {
  kind: "resource_links",
  title: "Resource links",
  template,
  answerable: true,
  answerSchema: (item) =>
    z.strictObject({
      links: z
        .array(
          z.strictObject({
            id: rowId,
            title: z.string().min(1, "Give the link a title").max(300),
            url: z.url({ protocol: /^https?$/, message: "Enter a web address starting with http:// or https://" }).max(2000),
          }),
        )
        .max(item.maxLinks, `At most ${item.maxLinks} links`)
        .refine((links) => new Set(links.map((l) => l.id)).size === links.length, { message: "Link ids must be unique" }),
    }),
  emptyValue: (): ResourceLinksValue => ({ links: [] }),
  isAnswered: (_item, v) => v.links.length > 0,
  summarize: (_item, value) => count((value as { links?: unknown[] }).links?.length ?? 0, "link", "links"),
} satisfies ItemKindModule<ResourceLinksItem, ResourceLinksValue>;
