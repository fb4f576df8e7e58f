import * as Y from 'yjs';
import type { Design, DesignMeta, DesignObject } from './model.js';
import { parseDesignMeta, parseDesignObject } from './read.js';

/** Root type names fixed by the design document contract. */
export const META = 'meta';
export const OBJECTS = 'objects';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

export function objectsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(OBJECTS) as Y.Map<Y.Map<unknown>>;
}

/** A new Y.Map holding one object's properties (each property is its own LWW key). */
export function objectToYMap(object: DesignObject): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(object)) {
    if (key === 'id' || value === undefined) continue;
    map.set(key, value);
  }
  return map;
}

/** Writes a whole design into an (empty or existing) doc in one transaction. */
export function writeDesign(doc: Y.Doc, design: Design, origin?: unknown): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(design.meta)) {
      if (value !== undefined) meta.set(key, value);
    }
    const objects = objectsMap(doc);
    for (const object of Object.values(design.objects)) {
      objects.set(object.id, objectToYMap(object));
    }
  }, origin);
}

/** Sets some properties of one object; a no-op for unknown ids. */
export function updateObject(doc: Y.Doc, id: string, props: Record<string, unknown>, origin?: unknown): void {
  const map = objectsMap(doc).get(id);
  if (!map) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(props)) {
      if (key === 'id') continue;
      if (value === undefined) map.delete(key);
      else if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}

export interface ReadResult {
  design: Design;
  /** Ids of objects whose properties did not validate; they are left out of `design`. */
  invalid: string[];
}

/** Plain object of one Y.Map object, with its id (not validated). */
export function readRawObject(id: string, map: Y.Map<unknown>): Record<string, unknown> {
  return { ...map.toJSON(), id };
}

export function readObject(id: string, map: Y.Map<unknown>): DesignObject | null {
  return parseDesignObject(readRawObject(id, map));
}

export function readMeta(doc: Y.Doc): DesignMeta {
  // A document without valid meta still has a page: fall back to US Letter.
  return parseDesignMeta(metaMap(doc).toJSON()) ?? parseDesignMeta({ width: 816, height: 1056 })!;
}

/** Reads the plain, validated Design out of a Yjs document. */
export function readDesign(doc: Y.Doc): ReadResult {
  const objects: Record<string, DesignObject> = {};
  const invalid: string[] = [];
  objectsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) {
      invalid.push(id);
      return;
    }
    const object = readObject(id, value);
    if (object) objects[id] = object;
    else invalid.push(id);
  });
  return { design: { meta: readMeta(doc), objects }, invalid };
}
