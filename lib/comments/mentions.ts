/**
 * @mentions are written as "@" followed by a member's full name, e.g.
 * "@Sam Okafor, can you check this?". The mention picker inserts exactly that.
 * Longer names are matched first, so "@Sam Okafor" is not also read as "@Sam".
 */
export type Mentionable = { id: string; name: string };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function findMentions(body: string, members: Mentionable[]): string[] {
  let text = body;
  const found: string[] = [];
  const sorted = [...members].filter((m) => m.name.trim().length > 0).sort((a, b) => b.name.length - a.name.length);
  for (const m of sorted) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_])@${escapeRe(m.name.trim())}(?![\\p{L}\\p{N}_])`, "giu");
    let hit = false;
    text = text.replace(re, (match, lead: string) => {
      hit = true;
      return lead + " ".repeat(match.length - lead.length);
    });
    if (hit && !found.includes(m.id)) found.push(m.id);
  }
  return found;
}

export type BodyPart = { text: string; mention?: Mentionable };

/** Splits a comment into plain text and mentions, for display. */
export function splitMentions(body: string, mentioned: Mentionable[]): BodyPart[] {
  if (mentioned.length === 0) return [{ text: body }];
  const sorted = [...mentioned].filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length);
  if (sorted.length === 0) return [{ text: body }];
  const re = new RegExp(`@(${sorted.map((m) => escapeRe(m.name.trim())).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(re)) {
    const at = match.index ?? 0;
    if (at > 0 && /[\p{L}\p{N}_]/u.test(body[at - 1])) continue;
    const name = match[1].toLowerCase();
    const who = sorted.find((m) => m.name.trim().toLowerCase() === name);
    if (!who) continue;
    if (at > last) parts.push({ text: body.slice(last, at) });
    parts.push({ text: match[0], mention: who });
    last = at + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
