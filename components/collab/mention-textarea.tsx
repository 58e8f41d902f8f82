"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Avatar } from "./presence";

export type MemberOption = { id: string; name: string };

/**
 * A plain-text box with @mention suggestions. Typing "@" and the start of a
 * name lists matching team members; Up/Down move through them, Enter or Tab
 * picks one, Escape closes the list. Picking writes "@Full Name ". The list is
 * announced through a live region, and the focused suggestion through
 * aria-activedescendant, so it works with a keyboard and a screen reader.
 */
export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  members,
  hint,
  rows = 3,
  maxLength,
  disabled,
  invalid,
  errorId,
  onSubmit,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  members: MemberOption[];
  hint?: string;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
  invalid?: boolean;
  errorId?: string;
  onSubmit?: () => void;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState<{ start: number; text: string } | null>(null);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.text.toLowerCase();
    return members
      .filter((m) => {
        const n = m.name.toLowerCase();
        return n.startsWith(q) || n.split(/\s+/).some((w) => w.startsWith(q));
      })
      .slice(0, 8);
  }, [query, members]);
  const open = query !== null && matches.length > 0;

  /** Finds an "@name" being typed just before the caret. */
  const pendingCaret = useRef<number | null>(null);

  const detect = (text: string, caret: number) => {
    const before = text.slice(0, caret);
    const at = before.lastIndexOf("@");
    if (at < 0 || (at > 0 && !/\s|[(["'“]/.test(before[at - 1]))) return setQuery(null);
    const typed = before.slice(at + 1);
    if (typed.length > 40 || /\n/.test(typed) || /\s{2,}/.test(typed)) return setQuery(null);
    setQuery({ start: at, text: typed });
    setActive(0);
  };

  const pick = (m: MemberOption) => {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? value.length;
    const insert = `@${m.name} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    onChange(maxLength ? next.slice(0, maxLength) : next);
    setQuery(null);
    pendingCaret.current = query.start + insert.length;
  };

  const startMention = () => {
    const el = ref.current;
    if (!el) return;
    const caret = el.selectionStart ?? value.length;
    const needsSpace = caret > 0 && !/\s/.test(value[caret - 1] ?? "");
    const insert = `${needsSpace ? " " : ""}@`;
    const next = value.slice(0, caret) + insert + value.slice(caret);
    onChange(next);
    const pos = caret + insert.length;
    setQuery({ start: pos - 1, text: "" });
    setActive(0);
    pendingCaret.current = pos;
  };

  // Place the caret right after the inserted text as soon as it is in the
  // field, before the next keystroke is handled (a frame later would move
  // the caret away from text typed in between).
  useLayoutEffect(() => {
    const el = ref.current;
    if (pendingCaret.current === null || !el) return;
    const pos = Math.min(pendingCaret.current, el.value.length);
    pendingCaret.current = null;
    el.focus();
    el.setSelectionRange(pos, pos);
  });

  const describedBy = [hint ? hintId : null, invalid && errorId ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 disabled:bg-slate-100"
        onChange={(e) => {
          onChange(e.target.value);
          detect(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onClick={(e) => detect(e.currentTarget.value, e.currentTarget.selectionStart ?? 0)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => (a + 1) % matches.length);
              return;
            }
            if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (a - 1 + matches.length) % matches.length);
              return;
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              pick(matches[active] ?? matches[0]);
              return;
            }
            if (e.key === "Escape") {
              e.preventDefault();
              setQuery(null);
              return;
            }
          }
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && onSubmit) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label="Team members to mention" className="absolute z-20 mt-1 max-h-60 w-72 overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg">
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-brand-800 outline-2 -outline-offset-2 outline-brand-600" : "text-slate-900"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <Avatar id={m.id} name={m.name} size="sm" />
              {m.name}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {open ? `${matches.length} ${matches.length === 1 ? "person matches" : "people match"}. Use the up and down arrows, then Enter to mention.` : ""}
      </p>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <button type="button" className="rounded text-sm text-brand-700 underline underline-offset-2 hover:text-brand-800 disabled:opacity-60" onClick={startMention} disabled={disabled}>
          @ Mention someone
        </button>
        {maxLength ? (
          <span className="text-xs text-slate-600" aria-hidden="true">
            {value.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
          </span>
        ) : null}
      </div>
    </div>
  );
}
