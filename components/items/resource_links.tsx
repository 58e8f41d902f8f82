"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { ResourceLinksItem, ResourceLinksValue } from "@/lib/items/resource_links";
import { inputCls, newId, type ControlProps, type ItemEditor } from "./shared";

function ResourceLinksControl({ item, value, onChange, onBlur, onFocus, disabled, labelId }: ControlProps<ResourceLinksItem>) {
  const v = (value ?? { links: [] }) as ResourceLinksValue;
  const id = useId();
  return (
    <div className="space-y-3" onBlur={onBlur} onFocus={onFocus} role="group" aria-labelledby={labelId}>
      {item.links.length ? (
        <ul className="space-y-2">
          {item.links.map((l) => (
            <li key={l.url} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              <a href={l.url} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
                {l.title}
              </a>
              {l.publisher ? <span className="text-slate-700"> — {l.publisher}</span> : null}
              {l.description ? <p className="mt-1 text-slate-700">{l.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm font-medium text-slate-800">Links your team added</p>
      {v.links.length === 0 ? <p className="text-sm text-slate-700">None yet.</p> : null}
      {v.links.map((l, i) => (
        <div key={l.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
          <input
            aria-label={`Link ${i + 1} title`}
            className={inputCls}
            value={l.title}
            disabled={disabled}
            maxLength={300}
            onChange={(e) => onChange({ links: v.links.map((x) => (x.id === l.id ? { ...x, title: e.target.value } : x)) })}
          />
          <input
            aria-label={`Link ${i + 1} web address`}
            className={inputCls}
            type="url"
            value={l.url}
            disabled={disabled}
            placeholder="https://"
            onChange={(e) => onChange({ links: v.links.map((x) => (x.id === l.id ? { ...x, url: e.target.value } : x)) })}
          />
          {!disabled ? (
            <Button type="button" variant="ghost" onClick={() => onChange({ links: v.links.filter((x) => x.id !== l.id) })} aria-label={`Remove link ${i + 1}`}>
              Remove
            </Button>
          ) : null}
        </div>
      ))}
      {!disabled ? (
        <Button
          id={id}
          type="button"
          variant="secondary"
          size="sm"
          disabled={v.links.length >= item.maxLinks}
          onClick={() => onChange({ links: [...v.links, { id: newId(), title: "", url: "" }] })}
        >
          + Add a link
        </Button>
      ) : null}
    </div>
  );
}

export const resourceLinksEditor: ItemEditor<ResourceLinksItem> = { Control: ResourceLinksControl };
