import { describe, expect, it } from 'vitest';
import { mainThreadCpuToFirstFrame } from './trace-cpu.js';

const MAIN = { pid: 7, tid: 1 };
const task = (ts: number, dur: number, tdur: number, name = 'RunTask') => ({ ...MAIN, name, ph: 'X', ts, dur, tdur });

describe('mainThreadCpuToFirstFrame', () => {
  it('sums the main thread’s top-level task CPU from navigation start to the end of the first frame after ready', () => {
    const trace = {
      traceEvents: [
        { ...MAIN, name: 'navigationStart', ph: 'R', ts: 1_000 },
        task(2_000, 10_000, 4_000),
        { ...MAIN, name: 'EvaluateScript', ph: 'X', ts: 3_000, dur: 5_000, tdur: 3_000 }, // nested: already in its task
        { ...MAIN, name: 'realbrand:early-start', ph: 'R', ts: 2_500 },
        task(20_000, 30_000, 25_000),
        { ...MAIN, name: 'realbrand:ready', ph: 'R', ts: 45_000 },
        task(60_000, 20_000, 15_000),
        { ...MAIN, name: 'FireAnimationFrame', ph: 'X', ts: 61_000, dur: 18_000, tdur: 14_000 },
        task(90_000, 10_000, 9_000), // after the first frame: not counted
        { pid: 7, tid: 2, name: 'RunTask', ph: 'X', ts: 30_000, dur: 50_000, tdur: 50_000 }, // another thread
      ],
    };
    expect(mainThreadCpuToFirstFrame(JSON.stringify(trace))).toEqual({ cpuMs: 44, wallMs: 79 });
  });

  it('is null for a trace without the editor’s marks', () => {
    expect(mainThreadCpuToFirstFrame(JSON.stringify({ traceEvents: [task(0, 10, 5)] }))).toBeNull();
  });
});
