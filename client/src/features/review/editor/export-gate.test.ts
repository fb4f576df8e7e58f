import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkExport } from './export-gate.js';

function respond(status: number, body: unknown) {
  return vi.fn(
    async () => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('checkExport', () => {
  const real = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = real;
  });

  it('allows the download when the server records the export', async () => {
    const fetch = respond(200, { allowed: true });
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    expect(await checkExport('d1', 'pdf')).toEqual({ allowed: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/designs/d1/exports');
    expect(JSON.parse(init.body as string)).toEqual({ format: 'pdf' });
  });

  it.each([
    [409, { error: { code: 'approval_required', message: 'Your brokerage requires approval before export' } }, 'approval_required'],
    [500, { error: { code: 'internal', message: 'Internal error' } }, 'internal'],
  ])('refuses on %i (%s) and passes the message on', async (status, body, code) => {
    globalThis.fetch = respond(status, body) as unknown as typeof globalThis.fetch;
    const r = await checkExport('d1', 'png');
    expect(r).toEqual({ allowed: false, code, message: body.error.message });
  });

  it('fails closed when the server cannot be reached', async () => {
    globalThis.fetch = vi.fn(async () => {
      throw new TypeError('network down');
    }) as unknown as typeof globalThis.fetch;
    expect(await checkExport('d1', 'html')).toMatchObject({ allowed: false, code: 'network' });
  });
});
