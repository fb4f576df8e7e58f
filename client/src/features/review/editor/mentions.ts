/** @mention helpers for comment boxes (pure). The server resolves `@Full Name`, `@first` and `@email`. */

export interface Person {
  id: string;
  name: string;
  email?: string;
}

/** The `@query` being typed just before the caret, if any (one or two words). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s(])@([\p{L}\p{N}._'-]{0,30}(?: [\p{L}\p{N}._'-]{0,30})?)$/u.exec(before);
  if (!m) return null;
  return { start: before.length - m[2]!.length - 1, query: m[2]! };
}

/** People matching a query by any word of their name or by e-mail, best first. */
export function matchPeople(people: Person[], query: string, limit = 6): Person[] {
  const q = query.trim().toLowerCase();
  const scored: Array<{ p: Person; score: number }> = [];
  for (const p of people) {
    const name = p.name.toLowerCase();
    let score = -1;
    if (!q) score = 1;
    else if (name.startsWith(q)) score = 3;
    else if (name.split(/\s+/).some((w) => w.startsWith(q))) score = 2;
    else if (p.email?.toLowerCase().startsWith(q)) score = 1;
    if (score >= 0) scored.push({ p, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.p.name.localeCompare(b.p.name))
    .slice(0, limit)
    .map((s) => s.p);
}

/** Replaces the `@query` at `start` with `@Full Name ` and returns the new text and caret. */
export function insertMention(text: string, caret: number, start: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const next = text.slice(0, start) + inserted + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: start + inserted.length };
}

export type Segment = { text: string; mention?: boolean };

/** Splits a comment body into plain text and mentions (known full names first, then `@word`). */
export function mentionSegments(body: string, names: string[]): Segment[] {
  const escaped = [...names]
    .filter((n) => n.trim())
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const alternatives = [...escaped, "[\\p{L}\\p{N}._'@-]+"].join('|');
  const re = new RegExp(`(^|[^\\p{L}\\p{N}_])(@(?:${alternatives}))`, 'giu');
  const out: Segment[] = [];
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = m.index + m[1]!.length;
    if (at > last) out.push({ text: body.slice(last, at) });
    const mention = m[2]!.replace(/[.'-]+$/, '');
    out.push({ text: mention, mention: true });
    last = at + mention.length;
    re.lastIndex = last;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}
