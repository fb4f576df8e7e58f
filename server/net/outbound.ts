/**
 * Requests the server makes to URLs that users give it (listing photos from an imported file,
 * webhook receivers an admin sets): the SSRF guard for both, in one place. http(s) only, no
 * credentials, no redirects; the host name (a trailing dot is the same name) is resolved once,
 * every address it resolves to must be public unless the host is allow-listed, and the
 * connection goes to an address that was checked (no second DNS answer: rebinding). Time and
 * size are bounded. Failures carry a coarse `kind` that is safe to show an admin (no internal
 * error text that would let them map the network).
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export type OutboundFailure = 'bad_url' | 'dns_failure' | 'blocked_address' | 'timeout' | 'connection_failed' | 'too_large' | 'cut_off';

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/** Loopback, private, link-local, unique-local, CGNAT, benchmarking, multicast and reserved ranges. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the old IPv4-compatible form
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo (tunnels to an IPv4 address)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const hi = Number.parseInt(hex[1]!, 16);
  const lo = Number.parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True when an IP address is on the public internet (pure). */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  if (family === 4) return !NOT_PUBLIC.check(ip, 'ipv4');
  const v4 = embeddedIpv4(ip);
  if (v4) return isPublicAddress(v4);
  if (/^::ffff:/i.test(ip)) return false; // any other spelling of a mapped address
  return !NOT_PUBLIC.check(ip, 'ipv6');
}

/** A URL's host as compared and resolved: lower case, no IPv6 brackets, no trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
}

/** Whether a URL's host is on the allow-list: `host` allows any port, `host:port` only that one (pure). */
export function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = hostOf(url);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowed.some((entry) => {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.toLowerCase());
    if (!m) return false;
    const name = m[1]!.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
    return name === host && (m[2] === undefined || m[2] === port);
  });
}

/** Checks a URL's form (pure); the addresses are checked when it is requested. */
export function checkOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('bad_url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('bad_url', 'only http(s) URLs are allowed');
  if (url.username || url.password) throw new OutboundError('bad_url', 'URLs with credentials are not allowed');
  if (!hostOf(url)) throw new OutboundError('bad_url', 'the URL needs a host');
  return url;
}

/** An IP-literal host that is not public and not allow-listed: refused before any request (pure). */
export function literalAddressRefused(url: URL, privateHosts: readonly string[]): boolean {
  const host = hostOf(url);
  return isIP(host) !== 0 && !isPublicAddress(host) && !hostAllowed(url, privateHosts);
}

/** The addresses to connect to: every one the name resolves to, all checked. */
async function checkedAddresses(url: URL, privateHosts: readonly string[]): Promise<{ address: string; family: number }[]> {
  const host = hostOf(url);
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (addresses.length === 0) throw new OutboundError('dns_failure', `could not resolve ${host}`);
  if (!hostAllowed(url, privateHosts) && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new OutboundError('blocked_address', `${host} resolves to a non-public address (loopback, private or link-local)`);
  }
  return addresses;
}

export interface OutboundOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Largest response body read (larger: too_large). */
  maxBytes: number;
  /** Hosts (or host:port) that may resolve to non-public addresses. */
  privateHosts: readonly string[];
}

/** One request through the guard; any status is returned (redirects are not followed). */
export async function outboundRequest(
  rawUrl: string,
  options: OutboundOptions,
): Promise<{ status: number; location?: string; body: Buffer; headers: http.IncomingHttpHeaders }> {
  const url = checkOutboundUrl(rawUrl);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new OutboundError('timeout', `timed out after ${options.timeoutMs} ms`)), { once: true }),
  );
  timedOut.catch(() => {});
  const addresses = await Promise.race([checkedAddresses(url, options.privateHosts), timedOut]);
  // Connect to a checked address only: a second DNS answer could point elsewhere (rebinding).
  const pinned: LookupFunction = (_host, opts, callback) => {
    const a = addresses[0]!;
    if (opts.all) (callback as unknown as (err: null, all: { address: string; family: number }[]) => void)(null, addresses);
    else callback(null, a.address, a.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (kind: OutboundFailure, message: string) => reject(new OutboundError(kind, message));
    const timeoutMessage = `timed out after ${options.timeoutMs} ms`;
    const req = client.request(url, { method: options.method ?? 'GET', lookup: pinned, signal, headers: options.headers }, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        fail('too_large', `the response is larger than ${options.maxBytes} bytes`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          res.destroy();
          fail('too_large', `the response is larger than ${options.maxBytes} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, location: res.headers.location, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', () => fail(signal.aborted ? 'timeout' : 'cut_off', signal.aborted ? timeoutMessage : 'the response was cut off'));
      // Destroyed mid-body (timeout, connection lost): no 'end'. A no-op once settled.
      res.on('close', () => fail(signal.aborted ? 'timeout' : 'cut_off', signal.aborted ? timeoutMessage : 'the response was cut off'));
    });
    req.on('error', () => fail(signal.aborted ? 'timeout' : 'connection_failed', signal.aborted ? timeoutMessage : 'could not connect'));
    req.end(options.body);
  });
}
