/**
 * Fetching a listing photo from the MLS's server. The URL comes from a file
 * any agent can import, so this is an SSRF surface: http(s) only, no
 * redirects, every address the host name resolves to must be public (unless
 * the host is on the configured allow-list), the connection goes to the
 * address that was checked (no second DNS answer), and time and size are
 * bounded.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export class PhotoFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoFetchError';
  }
}

/** Loopback, private, link-local, unique-local, CGNAT, multicast and reserved ranges. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
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
  return !NOT_PUBLIC.check(ip, 'ipv6');
}

/** Whether a URL's host is on the allow-list: `host` allows any port, `host:port` only that one (pure). */
export function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowed.some((entry) => {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.toLowerCase());
    if (!m) return false;
    const name = m[1]!.replace(/^\[|\]$/g, '');
    return name === host && (m[2] === undefined || m[2] === port);
  });
}

export interface PhotoFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Hosts that may resolve to private addresses (tests, an MLS mirror inside the network). */
  privateHosts: readonly string[];
}

/** The addresses to connect to: every one the name resolves to, all checked. */
async function checkedAddresses(url: URL, privateHosts: readonly string[]): Promise<{ address: string; family: number }[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (addresses.length === 0) throw new PhotoFetchError(`could not resolve ${host}`);
  if (!hostAllowed(url, privateHosts)) {
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) throw new PhotoFetchError(`${host} resolves to a non-public address (${blocked.address})`);
  }
  return addresses;
}

/** GETs a URL's body (status 200 only, no redirects), bounded by time and size. */
export async function fetchPhoto(rawUrl: string, options: PhotoFetchOptions): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new PhotoFetchError('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PhotoFetchError('only http(s) URLs are fetched');
  if (url.username || url.password) throw new PhotoFetchError('URLs with credentials are not fetched');
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new PhotoFetchError(`timed out after ${options.timeoutMs} ms`)), { once: true }));
  timedOut.catch(() => {});
  const addresses = await Promise.race([checkedAddresses(url, options.privateHosts), timedOut]);
  // Connect to a checked address only: a second DNS answer could point elsewhere (rebinding).
  const pinned: LookupFunction = (_host, opts, callback) => {
    const a = addresses[0]!;
    if (opts.all) (callback as unknown as (err: null, all: { address: string; family: number }[]) => void)(null, addresses);
    else callback(null, a.address, a.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Buffer>((resolve, reject) => {
    const fail = (message: string) => reject(new PhotoFetchError(message));
    const req = client.get(url, { lookup: pinned, signal, headers: { accept: 'image/png, image/jpeg, image/webp', 'user-agent': 'RealBrand listing photos' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        fail(`the photo server answered ${res.statusCode}${res.headers.location ? ' (redirects are not followed)' : ''}`);
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        fail(`the photo is larger than ${options.maxBytes} bytes`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          res.destroy();
          fail(`the photo is larger than ${options.maxBytes} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', (err) => fail(err.message));
      // Destroyed mid-body (timeout, connection lost): no 'end'. A no-op once settled.
      res.on('close', () => fail(signal.aborted ? `timed out after ${options.timeoutMs} ms` : 'the photo download was cut off'));
    });
    req.on('error', (err) => fail(signal.aborted ? `timed out after ${options.timeoutMs} ms` : err.message));
  });
}
