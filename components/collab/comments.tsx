"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { splitMentions } from "@/lib/comments/mentions";
import type { CommentView, ThreadView } from "@/lib/comments/service";
import { formatDateTime, readError } from "./format";
import { MentionTextarea, type MemberOption } from "./mention-textarea";
import { Avatar } from "./presence";

export type { ThreadView };
const MAX = 5000;
const HINT = "Plain text. Type @ and a name to mention someone on the team — they get a notification. Ctrl+Enter posts.";

type Common = {
  workspaceId: string;
  worksheetKey: string;
  members: MemberOption[];
  me: { id: string; name: string };
  canWrite: boolean;
  /** Refetch the threads after a change. */
  onChanged: () => void | Promise<void>;
};

async function send(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(await readError(res, "That did not work. Please try again."));
  return res.json().catch(() => ({}));
}

function Composer({
  label,
  submitLabel,
  initial = "",
  members,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  members: MemberOption[];
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!text.trim()) {
      setError("Write something before posting.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text);
      setText("");
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <MentionTextarea
        id={`${id}-text`}
        label={label}
        value={text}
        onChange={(v) => {
          setText(v);
          if (error) setError(null);
        }}
        members={members}
        hint={HINT}
        maxLength={MAX}
        invalid={Boolean(error)}
        errorId={`${id}-error`}
        onSubmit={() => void submit()}
        autoFocus={autoFocus}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Posting…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" size="sm" variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function Body({ comment }: { comment: CommentView }) {
  if (comment.deleted) return <p className="text-sm italic text-slate-600">This comment was deleted.</p>;
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-900">
      {splitMentions(comment.body, comment.mentions).map((part, i) =>
        part.mention ? (
          <strong key={i} className="rounded bg-violet-50 font-semibold text-violet-900">
            {part.text}
          </strong>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function CommentItem({ comment, base, c }: { comment: CommentView; base: string; c: Common }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await send(`${base}/${encodeURIComponent(comment.id)}`, "DELETE");
      await c.onChanged();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const who = comment.author?.name ?? "A former member";
  return (
    <li className="flex gap-3 py-2" data-testid="comment">
      <Avatar id={comment.author?.id ?? "former"} name={who} />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          <span className="font-semibold text-slate-900">{who}</span>{" "}
          <time dateTime={comment.createdAt} className="text-slate-600" suppressHydrationWarning>
            {formatDateTime(comment.createdAt)}
          </time>
          {comment.editedAt && !comment.deleted ? <span className="text-slate-600"> (edited)</span> : null}
        </p>
        {editing ? (
          <Composer
            label="Edit your comment"
            submitLabel="Save changes"
            initial={comment.body}
            members={c.members}
            autoFocus
            onCancel={() => setEditing(false)}
            onSubmit={async (text) => {
              await send(`${base}/${encodeURIComponent(comment.id)}`, "PATCH", { body: text });
              setEditing(false);
              await c.onChanged();
            }}
          />
        ) : (
          <Body comment={comment} />
        )}
        {comment.mine && !comment.deleted && !editing && c.canWrite ? (
          confirming ? (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Confirm deleting your comment">
              <span className="text-slate-800">Delete this comment?</span>
              <Button type="button" size="sm" variant="destructive" onClick={() => void remove()} disabled={busy}>
                {busy ? "Deleting…" : "Yes, delete"}
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
                Keep it
              </Button>
            </div>
          ) : (
            <div className="mt-1 flex gap-3 text-sm">
              <button type="button" className="rounded text-brand-700 underline underline-offset-2" onClick={() => setEditing(true)}>
                Edit<span className="sr-only"> your comment</span>
              </button>
              <button type="button" className="rounded text-red-700 underline underline-offset-2" onClick={() => setConfirming(true)}>
                Delete<span className="sr-only"> your comment</span>
              </button>
            </div>
          )
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Thread({ thread, c }: { thread: ThreadView; c: Common }) {
  const base = `/api/v1/workspaces/${encodeURIComponent(c.workspaceId)}/comments`;
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const starter = thread.comments[0]?.author?.name ?? "someone";
  const setResolved = async (resolved: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await send(`${base}/threads/${encodeURIComponent(thread.id)}`, "PATCH", { resolved });
      await c.onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <article
        aria-label={`Comment thread started by ${starter}${thread.resolvedAt ? ", resolved" : ""}`}
        className={`rounded-md border p-3 ${thread.resolvedAt ? "border-slate-200 bg-slate-50" : "border-violet-200 bg-white"}`}
        data-testid="comment-thread"
      >
        <ol className="divide-y divide-slate-100">
          {thread.comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} base={base} c={c} />
          ))}
        </ol>
        {thread.resolvedAt ? (
          <p className="mt-1 text-sm text-slate-700">Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}.</p>
        ) : null}
        {c.canWrite ? (
          replying ? (
            <Composer
              label={`Reply to ${starter}`}
              submitLabel="Post reply"
              members={c.members}
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (text) => {
                await send(base, "POST", { worksheetKey: c.worksheetKey, itemKey: thread.itemKey, threadId: thread.id, body: text });
                setReplying(false);
                await c.onChanged();
              }}
            />
          ) : (
            <div className="mt-2 flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="secondary" onClick={() => setReplying(true)}>
                Reply<span className="sr-only"> to {starter}</span>
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => void setResolved(!thread.resolvedAt)} disabled={busy}>
                {thread.resolvedAt ? "Reopen" : "Mark resolved"}
                <span className="sr-only"> the thread started by {starter}</span>
              </Button>
            </div>
          )
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** The comment threads on one item, or on the worksheet as a whole (itemKey null). */
export function CommentsPanel({
  itemKey,
  itemLabel,
  threads,
  ...c
}: Common & { itemKey: string | null; itemLabel: string | null; threads: ThreadView[] }) {
  const headingId = useId();
  const open = threads.filter((t) => !t.resolvedAt);
  const resolved = threads.filter((t) => t.resolvedAt);
  const base = `/api/v1/workspaces/${encodeURIComponent(c.workspaceId)}/comments`;
  return (
    <section id={`comments-${itemKey ?? "worksheet"}`} aria-labelledby={headingId} className="scroll-mt-24 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid={`comments-${itemKey ?? "worksheet"}`}>
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        {itemLabel ? (
          <>
            Comments<span className="sr-only"> on “{itemLabel}”</span>
          </>
        ) : (
          "Comments on the whole worksheet"
        )}
      </h3>
      {threads.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{itemLabel ? "No comments on this question yet." : "No comments on this worksheet yet."}</p>
      ) : null}
      {open.length ? (
        <ol className="mt-2 space-y-3" aria-label="Open comments">
          {open.map((t) => (
            <Thread key={t.id} thread={t} c={c} />
          ))}
        </ol>
      ) : null}
      {resolved.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer rounded text-sm font-medium text-brand-700">
            {resolved.length} resolved {resolved.length === 1 ? "comment" : "comments"}
          </summary>
          <ol className="mt-2 space-y-3" aria-label="Resolved comments">
            {resolved.map((t) => (
              <Thread key={t.id} thread={t} c={c} />
            ))}
          </ol>
        </details>
      ) : null}
      {c.canWrite ? (
        <div className="mt-3 border-t border-slate-200 pt-2">
          <Composer
            label={itemLabel ? "New comment on this question" : "New comment on this worksheet"}
            submitLabel="Post comment"
            members={c.members}
            onSubmit={async (text) => {
              await send(base, "POST", { worksheetKey: c.worksheetKey, itemKey, body: text });
              await c.onChanged();
            }}
          />
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">You can read comments. Your role does not allow writing them.</p>
      )}
    </section>
  );
}
