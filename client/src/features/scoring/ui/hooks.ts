import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useEditor } from '../../../editor/ui/context.js';
import { acquireScoring, releaseScoring, type ScoringController, type ScoringState } from '../controller.js';

/** The open editor's scoring controller (null for the first render). */
export function useScoringController(): ScoringController | null {
  const { editor } = useEditor();
  const [controller, setController] = useState<ScoringController | null>(null);
  useEffect(() => {
    setController(acquireScoring(editor));
    return () => {
      releaseScoring(editor);
      setController(null);
    };
  }, [editor]);
  return controller;
}

export function useScoringState<T>(c: ScoringController, select: (s: ScoringState) => T): T {
  return useSyncExternalStore(c.store.subscribe, () => select(c.store.get()));
}

/** A number that eases towards its target (for score changes). */
export function useTweened(target: number | null, ms = 650): number | null {
  const [value, setValue] = useState(target);
  const from = useRef(target);
  useEffect(() => {
    if (target === null) {
      setValue(null);
      from.current = null;
      return;
    }
    const start = from.current ?? target;
    if (start === target || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      setValue(target);
      from.current = target;
      return;
    }
    const t0 = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const k = Math.min(1, (now - t0) / ms);
      const eased = 1 - Math.pow(1 - k, 3);
      const v = start + (target - start) * eased;
      from.current = v;
      setValue(v);
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target, ms]);
  return value;
}

/** 'down' / 'up' for a moment after the value changes (drives a flash). */
export function useChangeFlash(value: number | null, ms = 1200): 'up' | 'down' | null {
  const prev = useRef(value);
  const [flash, setFlash] = useState<'up' | 'down' | null>(null);
  useEffect(() => {
    const before = prev.current;
    prev.current = value;
    if (before === null || value === null || before === value) return;
    setFlash(value < before ? 'down' : 'up');
    const t = setTimeout(() => setFlash(null), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return flash;
}
