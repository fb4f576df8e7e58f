/**
 * Reads a Chromium performance trace of one editor open and returns how much CPU
 * the page's main thread used from navigation start to the end of the first frame
 * after the editor's 'realbrand:ready' mark, next to the wall time of the same span.
 *
 * Wall-clock open times move with whatever else the machine runs (this one is
 * shared, 2 cores); the main thread's own CPU time (the trace's thread time) barely
 * does, so it is the figure to compare across runs and days.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface MainThreadCpu {
  cpuMs: number;
  wallMs: number;
}

export function mainThreadCpuToFirstFrame(trace: string | Buffer): MainThreadCpu | null {
  const raw = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const early = events.find((e) => e.name === 'realbrand:early-start');
  if (!early) return null;
  const onMain = (e: TraceEvent) => e.pid === early.pid && e.tid === early.tid;
  const ready = events.find((e) => e.name === 'realbrand:ready' && e.pid === early.pid);
  // The page's navigation start: the last one before the app's first script ran.
  // (Recorded by the renderer that committed the navigation, which is not always the page's final one.)
  const before = events.filter((e) => e.name === 'navigationStart' && e.ts < early.ts);
  const nav = before.filter((e) => e.pid === early.pid).pop() ?? before.pop();
  if (!ready || !nav) return null;
  // Top-level tasks of the main thread (nested events are inside their task's time).
  const tasks: TraceEvent[] = [];
  let end = 0;
  for (const e of events.filter((x) => onMain(x) && x.ph === 'X' && x.dur).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    tasks.push(e);
    end = e.ts + e.dur!;
  }
  const frame = events.find((e) => onMain(e) && e.name === 'FireAnimationFrame' && e.ts > ready.ts);
  const frameTask = frame && tasks.find((t) => t.ts <= frame.ts && t.ts + t.dur! >= frame.ts + (frame.dur ?? 0));
  if (!frameTask) return null;
  const until = frameTask.ts + frameTask.dur!;
  const cpu = tasks.filter((t) => t.ts + t.dur! > nav.ts && t.ts < until).reduce((sum, t) => sum + (t.tdur ?? 0), 0);
  return { cpuMs: cpu / 1000, wallMs: (until - nav.ts) / 1000 };
}
