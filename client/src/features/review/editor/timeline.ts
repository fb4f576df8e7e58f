/** Version history, pure: kind labels, newest-first day groups, and "who changed what" summaries. */
import type { Version } from '../api.js';

export const VERSION_KIND_LABEL: Record<Version['kind'], string> = {
  auto: 'Auto',
  named: 'Named',
  submit: 'Submitted',
  approval: 'Approved',
  restore: 'Restore',
};

export interface PersonSummary {
  userId: string;
  name: string;
  added: number;
  changed: number;
  removed: number;
  /** Names of the objects they added or changed that are still in the design (at most `maxNames`). */
  names: string[];
  /** How many more objects were touched than `names` lists. */
  more: number;
}

/**
 * Per person: counts of objects added, changed, removed, and the names of
 * the ones that still exist (`labelOf` returns null for objects that are gone).
 * A version without per-person data but with a diff is credited to its creator
 * (or "Someone").
 */
export function summarizeChanges(v: Version, labelOf: (objectId: string) => string | null, maxNames = 3): PersonSummary[] {
  let entries = Object.entries(v.changes ?? {});
  if (entries.length === 0 && v.diff && v.diff.added.length + v.diff.changed.length + v.diff.removed.length > 0) {
    entries = [[v.createdBy ?? '', { name: v.createdByName ?? 'Someone', ...v.diff }]];
  }
  return entries
    .map(([userId, c]) => {
      const touched = [...new Set([...c.changed, ...c.added])];
      const labels = [...new Set(touched.map(labelOf).filter((l): l is string => !!l))];
      return {
        userId,
        name: c.name || 'Someone',
        added: c.added.length,
        changed: c.changed.length,
        removed: c.removed.length,
        names: labels.slice(0, maxNames),
        more: Math.max(0, touched.length - Math.min(labels.length, maxNames)),
      };
    })
    .filter((p) => p.added + p.changed + p.removed > 0)
    .sort((a, b) => b.added + b.changed + b.removed - (a.added + a.changed + a.removed) || a.name.localeCompare(b.name));
}

/** "2 added · 1 changed · 1 removed" (only the non-zero parts). */
export function countsText(c: { added: number; changed: number; removed: number }): string {
  const parts: string[] = [];
  if (c.changed) parts.push(`${c.changed} changed`);
  if (c.added) parts.push(`${c.added} added`);
  if (c.removed) parts.push(`${c.removed} removed`);
  return parts.join(' · ');
}

export interface DayGroup {
  key: string;
  label: string;
  versions: Version[];
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Versions newest first, grouped by local calendar day ("Today", "Yesterday", "Mon, Mar 3"). */
export function groupByDay(versions: Version[], now = new Date()): DayGroup[] {
  const sorted = [...versions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const groups: DayGroup[] = [];
  for (const v of sorted) {
    const d = new Date(v.createdAt);
    const key = dayKey(d);
    let g = groups[groups.length - 1];
    if (!g || g.key !== key) {
      const label =
        key === today
          ? 'Today'
          : key === yesterday
            ? 'Yesterday'
            : d.toLocaleDateString(undefined, {
                weekday: 'short',
                month: 'short',
                day: 'numeric',
                year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric',
              });
      g = { key, label, versions: [] };
      groups.push(g);
    }
    g.versions.push(v);
  }
  return groups;
}

/** A version's title line: its name, or what made it. */
export function versionTitle(v: Version): string {
  if (v.name) return v.name;
  switch (v.kind) {
    case 'submit':
      return 'Submitted for review';
    case 'approval':
      return 'Approved';
    case 'restore':
      return 'Restored an earlier version';
    case 'named':
      return 'Named version';
    default:
      return 'Automatic save';
  }
}
