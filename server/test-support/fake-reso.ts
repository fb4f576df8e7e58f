/** A small fake RESO Web API for tests: OAuth2 token endpoint, paged Property collection, one 429, a malformed record. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResoServer {
  url: string;
  requests: { path: string; auth?: string; body?: string }[];
  tokensIssued: number;
  /** Records the server serves (edit between pulls). */
  records: Record<string, unknown>[];
  close(): Promise<void>;
}

const CLIENT_ID = 'rb-test-client';
const CLIENT_SECRET = 'rb-test-secret';
export const FAKE_RESO_CREDENTIALS = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

export async function startFakeReso(options: { pageSize?: number; throttleOnce?: boolean } = {}): Promise<FakeResoServer> {
  const pageSize = options.pageSize ?? 2;
  let throttled = !options.throttleOnce;
  const state: FakeResoServer = { url: '', requests: [], tokensIssued: 0, records: [], close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', state.url);
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    state.requests.push({ path: `${url.pathname}${url.search}`, auth: req.headers.authorization, body });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname === '/oauth/token') {
      const form = new URLSearchParams(body);
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== CLIENT_ID ||
        form.get('client_secret') !== CLIENT_SECRET
      ) {
        return send(401, { error: 'invalid_client' });
      }
      state.tokensIssued++;
      return send(200, { access_token: `token-${state.tokensIssued}`, token_type: 'Bearer', expires_in: 3600 });
    }
    if (url.pathname === '/odata/Property') {
      if (!/^Bearer token-\d+$/.test(req.headers.authorization ?? '')) return send(401, { error: 'unauthorized' });
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      if (skip > 0 && !throttled) {
        throttled = true;
        return send(429, { error: 'slow down' }, { 'retry-after': '1' });
      }
      const filter = url.searchParams.get('$filter');
      const since = filter ? /ModificationTimestamp ge (\S+)/.exec(filter)?.[1] : undefined;
      const matching = state.records
        .filter((r) => !since || typeof r.ModificationTimestamp !== 'string' || Date.parse(r.ModificationTimestamp) >= Date.parse(since))
        .sort((a, b) => String(a.ModificationTimestamp).localeCompare(String(b.ModificationTimestamp)));
      const value = matching.slice(skip, skip + pageSize);
      const next = skip + pageSize < matching.length ? new URL(url) : null;
      next?.searchParams.set('$skip', String(skip + pageSize));
      return send(200, {
        '@odata.context': `${state.url}/odata/$metadata#Property`,
        value,
        ...(next ? { '@odata.nextLink': next.toString() } : {}),
      });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((r) => server.close(() => r()));
  return state;
}
