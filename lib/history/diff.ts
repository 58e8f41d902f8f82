/**
 * A word-level diff of two texts, for showing what changed between two
 * revisions of a text answer. Words and the spaces between them are tokens,
 * so the pieces joined back together give the texts exactly.
 */
export type DiffPart = { op: "same" | "added" | "removed"; text: string };

const MAX_TOKENS = 4000;

function tokens(s: string) {
  return s.match(/\s+|[^\s]+/g) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common prefix and suffix first: most edits touch a small part.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push("same", a.slice(0, start).join(""));
  if (midA.length * midB.length > MAX_TOKENS * MAX_TOKENS / 4 || midA.length > MAX_TOKENS || midB.length > MAX_TOKENS) {
    // Too long to compare word by word: show it as replaced.
    push("removed", midA.join(""));
    push("added", midB.join(""));
  } else {
    // Longest common subsequence over the middle part.
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push("same", midA[i]);
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        push("removed", midA[i++]);
      } else {
        push("added", midB[j++]);
      }
    }
    while (i < n) push("removed", midA[i++]);
    while (j < m) push("added", midB[j++]);
  }
  push("same", a.slice(endA).join(""));
  return parts;
}
