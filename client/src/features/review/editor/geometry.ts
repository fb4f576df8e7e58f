/** Live object geometry read from the editor (fabric first, so pins follow a drag as it happens). */
import { decompose } from '../../../editor/engine/binding.js';
import type { Editor } from '../../../editor/engine/editor.js';
import type { Geometry, Hittable } from './pins.js';

export function geometryOf(editor: Editor, id: string): Geometry | null {
  const fo = editor.binding.fabricOf(id);
  if (fo) {
    const g = decompose(fo);
    const width = g.width * Math.abs(g.scaleX);
    const height = g.height * Math.abs(g.scaleY);
    return { x: g.cx - width / 2, y: g.cy - height / 2, width, height, angle: g.angle };
  }
  const m = editor.binding.model(id);
  return m ? { x: m.x, y: m.y, width: m.width, height: m.height, angle: m.angle ?? 0 } : null;
}

/** Every object as a hit-test candidate, lowest first. */
export function hittables(editor: Editor): Hittable[] {
  const out: Hittable[] = [];
  for (const o of editor.binding.allModels()) {
    const g = geometryOf(editor, o.id);
    if (g) out.push({ ...g, id: o.id, visible: o.visible, role: o.role });
  }
  return out;
}
