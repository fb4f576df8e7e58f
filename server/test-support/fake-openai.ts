/**
 * A small OpenAI-compatible server for the AI tests: each chat completion request takes the next
 * scripted behaviour (`script`), and every request's body is kept (`requests`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrate, type Db } from '../db/index.js';

export type Behaviour =
  | { kind: 'ok'; content: unknown; delayMs?: number }
  | { kind: 'raw'; content: string }
  | { kind: '429' }
  | { kind: '500' }
  /** Never answers: the client must time out. */
  | { kind: 'hang' };

export interface SentRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
}

export class FakeOpenAi {
  script: Behaviour[] = [];
  requests: SentRequest[] = [];
  /** What a request gets once the script is used up. */
  whenEmpty: Behaviour;
  private server!: Server;
  baseURL = '';

  private constructor(whenEmpty: Behaviour) {
    this.whenEmpty = whenEmpty;
  }

  static async start(whenEmpty: Behaviour = { kind: '500' }): Promise<FakeOpenAi> {
    const fake = new FakeOpenAi(whenEmpty);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    fake.baseURL = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
    return fake;
  }

  /** Forgets the script and the requests seen (between tests). */
  reset(): void {
    this.script = [];
    this.requests = [];
  }

  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const parsed = JSON.parse(body) as SentRequest;
    this.requests.push(parsed);
    const next = this.script.shift() ?? this.whenEmpty;
    if (next.kind === 'hang') return;
    if (next.kind === '429') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '20' });
      res.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'rate_limit_error' } }));
      return;
    }
    if (next.kind === '500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'boom' } }));
      return;
    }
    if (next.kind === 'ok' && next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    const content = next.kind === 'raw' ? next.content : JSON.stringify(next.content);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: parsed.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
      }),
    );
  }
}

/** The AI tests' database: migrated, with one brokerage `b1`. */
export async function prepareAiDatabase(db: Db): Promise<void> {
  await migrate(db);
  await db.query("INSERT INTO brokerages (id, name, brand_kit) VALUES ('b1', 'Test Realty', '{}')");
}

/** No usage, no cache, default settings: each test starts from here. */
export async function resetAiState(db: Db): Promise<void> {
  await db.query('DELETE FROM ai_usage');
  await db.query('DELETE FROM ai_cache');
  await db.query(`UPDATE brokerages SET settings = '{}'`);
}
