/**
 * Multi-page designs: which objects belong to a page, and what deleting a
 * page does to the others. Pure functions (no Yjs, no fabric), used by the
 * binding, the editor and export.
 */

/** An object's page (0-based; absent means the first page). */
export function pageOf(o: { page?: unknown }): number {
  return typeof o.page === 'number' && Number.isInteger(o.page) && o.page >= 0 ? o.page : 0;
}

export function isOnPage(o: { page?: unknown }, page: number): boolean {
  return pageOf(o) === page;
}

/** Number of pages a design has (meta.pages, at least 1). */
export function pageCount(meta: { pages?: number } | null | undefined): number {
  const n = meta?.pages;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

/** A page index kept inside 0 … count-1. */
export function clampPage(page: number, count: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), Math.max(1, count) - 1);
}

/** The objects of one page, in the order given. */
export function objectsOnPage<T extends { page?: unknown }>(objects: Iterable<T>, page: number): T[] {
  const out: T[] = [];
  for (const o of objects) if (isOnPage(o, page)) out.push(o);
  return out;
}

/** The `page` a new object gets when created while `current` is shown: set on multi-page designs (or past page 1), else left out. */
export function pageForNew(current: number, count: number): number | undefined {
  return count > 1 || current > 0 ? current : undefined;
}

export interface PageDeletion {
  /** Ids of the objects on the deleted page. */
  remove: string[];
  /** Objects on later pages and their new page (one less). */
  shift: Array<{ id: string; page: number }>;
  /** meta.pages afterwards. */
  pages: number;
  /** Locked objects the deletion would remove or move (only brand managers may). */
  locked: string[];
}

/** What deleting page `index` of a `count`-page design does: its objects go, later pages move down by one. */
export function planPageDeletion(
  objects: Iterable<{ id: string; page?: unknown; locked?: boolean }>,
  index: number,
  count: number,
): PageDeletion {
  const remove: string[] = [];
  const shift: Array<{ id: string; page: number }> = [];
  const locked: string[] = [];
  for (const o of objects) {
    const p = pageOf(o);
    if (p === index) remove.push(o.id);
    else if (p > index) shift.push({ id: o.id, page: p - 1 });
    else continue;
    if (o.locked) locked.push(o.id);
  }
  return { remove, shift, pages: Math.max(1, count - 1), locked };
}
