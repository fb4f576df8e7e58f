import { describe, expect, it } from 'vitest';
import { clampPage, isOnPage, objectsOnPage, pageCount, pageForNew, pageOf, planPageDeletion } from './pages.js';

describe('pages', () => {
  it('an object without a page is on the first page', () => {
    expect(pageOf({})).toBe(0);
    expect(pageOf({ page: 1 })).toBe(1);
    expect(pageOf({ page: -1 })).toBe(0);
    expect(pageOf({ page: 1.5 })).toBe(0);
    expect(isOnPage({}, 0)).toBe(true);
    expect(isOnPage({ page: 0 }, 1)).toBe(false);
  });

  it('lists the objects of one page in the given order', () => {
    const objs = [{ id: 'a' }, { id: 'b', page: 1 }, { id: 'c', page: 0 }, { id: 'd', page: 1 }];
    expect(objectsOnPage(objs, 0).map((o) => o.id)).toEqual(['a', 'c']);
    expect(objectsOnPage(objs, 1).map((o) => o.id)).toEqual(['b', 'd']);
    expect(objectsOnPage(objs, 2)).toEqual([]);
  });

  it('counts and clamps pages', () => {
    expect(pageCount({})).toBe(1);
    expect(pageCount({ pages: 2 })).toBe(2);
    expect(pageCount(null)).toBe(1);
    expect(clampPage(5, 2)).toBe(1);
    expect(clampPage(-1, 2)).toBe(0);
    expect(clampPage(0, 1)).toBe(0);
  });

  it('new objects carry the page on multi-page designs only', () => {
    expect(pageForNew(0, 1)).toBeUndefined();
    expect(pageForNew(0, 2)).toBe(0);
    expect(pageForNew(1, 2)).toBe(1);
  });

  it('deleting a page removes its objects and moves later pages down', () => {
    const objs = [
      { id: 'a' },
      { id: 'b', page: 1 },
      { id: 'c', page: 2, locked: true },
      { id: 'd', page: 3 },
      { id: 'e', page: 1, locked: true },
    ];
    const plan = planPageDeletion(objs, 1, 4);
    expect(plan.remove).toEqual(['b', 'e']);
    expect(plan.shift).toEqual([
      { id: 'c', page: 1 },
      { id: 'd', page: 2 },
    ]);
    expect(plan.pages).toBe(3);
    expect(plan.locked).toEqual(['c', 'e']);
  });

  it('deleting the first page of two leaves one page', () => {
    const plan = planPageDeletion([{ id: 'a' }, { id: 'b', page: 1 }], 0, 2);
    expect(plan.remove).toEqual(['a']);
    expect(plan.shift).toEqual([{ id: 'b', page: 0 }]);
    expect(plan.pages).toBe(1);
    expect(plan.locked).toEqual([]);
  });
});
