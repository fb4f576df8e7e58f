/**
 * A read-only picture of an earlier version: its Design drawn into a separate
 * fabric StaticCanvas (never the live document or canvas).
 */
import { useEffect, useRef, useState } from 'react';
import { Rect, StaticCanvas } from 'fabric';
import { objectsInOrder, type Design } from '../../../../../shared/design/index.js';
import { applyModel, createFabricObject, type ModelFabricObject } from '../../../editor/engine/fabric-objects.js';

export function VersionCanvas({ design, maxWidth, maxHeight }: { design: Design; maxWidth: number; maxHeight: number }) {
  const el = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 1, h: 1 });
  useEffect(() => {
    if (!el.current) return;
    const { width, height, background } = design.meta;
    const scale = Math.min(maxWidth / width, maxHeight / height, 2);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    setSize({ w, h });
    const canvas = new StaticCanvas(el.current, { width: w, height: h, renderOnAddRemove: false, enableRetinaScaling: true });
    canvas.setViewportTransform([scale, 0, 0, scale, 0, 0]);
    let disposed = false;
    let frame = 0;
    const render = () => {
      if (disposed || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!disposed) canvas.requestRenderAll();
      });
    };
    canvas.add(
      new Rect({
        left: 0,
        top: 0,
        originX: 'left',
        originY: 'top',
        width,
        height,
        fill: background || '#ffffff',
        strokeWidth: 0,
        objectCaching: false,
      }),
    );
    for (const o of objectsInOrder(design)) {
      try {
        // Images arrive later: re-apply the model once their natural size is known (crop and fit), then redraw.
        const fo: ModelFabricObject = createFabricObject(o, () => {
          if (disposed) return;
          applyModel(fo, o, () => undefined);
          render();
        });
        canvas.add(fo);
      } catch {
        // One unreadable object must not hide the rest of the preview.
      }
    }
    canvas.requestRenderAll();
    return () => {
      disposed = true;
      cancelAnimationFrame(frame);
      void canvas.dispose();
    };
  }, [design, maxWidth, maxHeight]);
  return (
    <div className="version-canvas" style={{ width: size.w, height: size.h }}>
      <canvas ref={el} data-testid="version-preview-canvas" />
    </div>
  );
}
