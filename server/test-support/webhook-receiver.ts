/** A webhook receiver for the webhook tests: keeps every body it gets, answers 204. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  port: number;
  /** Bodies received, in order. */
  received: string[];
  close(): void;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, received, close: () => server.close() };
}

/** A logger that says nothing. */
export const quietLog = { warn() {}, info() {}, debug() {} };
