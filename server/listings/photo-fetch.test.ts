import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPhotoServer, type PhotoServer } from '../test-support/photo-server.js';
import { solidPng } from '../test-support/images.js';
import { fetchPhoto, hostAllowed, isPublicAddress } from './photo-fetch.js';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.10', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['fd00::1', false],
    ['fc12:3456::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::10.0.0.1', false],
    ['not an ip', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('hostAllowed', () => {
  it.each([
    ['http://127.0.0.1:8080/a.jpg', ['127.0.0.1:8080'], true],
    ['http://127.0.0.1:8081/a.jpg', ['127.0.0.1:8080'], false],
    ['http://127.0.0.1:8081/a.jpg', ['127.0.0.1'], true],
    ['http://photos.internal/a.jpg', ['photos.internal:80'], true],
    ['https://photos.internal/a.jpg', ['photos.internal:80'], false],
    ['https://PHOTOS.internal/a.jpg', ['photos.internal'], true],
    ['http://[::1]:9000/a.jpg', ['[::1]:9000'], true],
    ['http://localhost/a.jpg', [], false],
  ])('%s with %j → %s', (url, list, expected) => {
    expect(hostAllowed(new URL(url), list)).toBe(expected);
  });
});

describe('fetchPhoto', () => {
  let photos: PhotoServer;
  const png = solidPng(3, 2, [200, 30, 40]);
  beforeAll(async () => {
    photos = await startPhotoServer({
      '/ok.png': { type: 'image/png', body: png },
      '/moved.png': { status: 302, headers: { location: '/ok.png' } },
      // No content-length: the limit is enforced while reading.
      '/big': (res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(Buffer.alloc(3000));
        res.end(Buffer.alloc(3000));
      },
      '/slow': (res) => res.writeHead(200, { 'content-type': 'image/png' }), // headers, then nothing
    });
  });
  afterAll(() => photos?.close());
  const allowed = () => ({ timeoutMs: 2_000, maxBytes: 4096, privateHosts: [`127.0.0.1:${photos.port}`] });

  it('downloads from an allowed private host', async () => {
    expect(await fetchPhoto(`${photos.origin}/ok.png`, allowed())).toEqual(png);
    // By name: resolved and checked once, then connected to that address.
    expect(
      await fetchPhoto(`http://localhost:${photos.port}/ok.png`, { ...allowed(), privateHosts: [`localhost:${photos.port}`] }),
    ).toEqual(png);
  });

  it('refuses loopback and private addresses unless the host is allowed, by name or by address', async () => {
    const opts = { ...allowed(), privateHosts: [] };
    await expect(fetchPhoto(`${photos.origin}/ok.png`, opts)).rejects.toThrow(/non-public address/);
    await expect(fetchPhoto(`http://localhost:${photos.port}/ok.png`, opts)).rejects.toThrow(/non-public address/);
    await expect(fetchPhoto(`http://[::1]:${photos.port}/ok.png`, opts)).rejects.toThrow(/non-public address/);
    await expect(fetchPhoto('http://169.254.169.254/latest/meta-data/', opts)).rejects.toThrow(/non-public address/);
    expect(photos.hits.get('/ok.png')).toBe(2); // only the allowed downloads above reached the server
  });

  it('follows no redirects, keeps to http(s), and bounds size and time', async () => {
    await expect(fetchPhoto(`${photos.origin}/moved.png`, allowed())).rejects.toThrow(/302 \(redirects are not followed\)/);
    await expect(fetchPhoto('file:///etc/passwd', allowed())).rejects.toThrow(/only http/);
    await expect(fetchPhoto(`${photos.origin}/big`, allowed())).rejects.toThrow(/larger than 4096/);
    await expect(fetchPhoto(`${photos.origin}/slow`, { ...allowed(), timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms/);
    await expect(fetchPhoto(`${photos.origin}/missing.png`, allowed())).rejects.toThrow(/answered 404/);
  });
});
