import { Empty, type ItemPrintModule } from "../print-parts";
import type { ResourceLinksItem, ResourceLinksValue } from ".";

export const resourceLinksPrint: ItemPrintModule<ResourceLinksItem> = {
  Answer: ({ item, value }) => {
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
  },
};
