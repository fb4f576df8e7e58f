import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-info.js';

// Smallest real files of each format (1×1 or as noted), written out byte by byte.
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
const WEBP_LOSSLESS_1x1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

function jpeg(width: number, height: number): Buffer {
  // SOI, APP0 (JFIF, 16 bytes), SOF0 with the size, EOI.
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

describe('sniffImage', () => {
  it.each([
    ['png', PNG_1x1, { mime: 'image/png', width: 1, height: 1 }],
    ['jpeg', jpeg(640, 480), { mime: 'image/jpeg', width: 640, height: 480 }],
    ['webp lossless', WEBP_LOSSLESS_1x1, { mime: 'image/webp', width: 1, height: 1 }],
  ])('reads %s', (_name, bytes, expected) => {
    expect(sniffImage(bytes)).toEqual(expected);
  });

  it.each([
    ['gif', GIF],
    ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['empty', Buffer.alloc(0)],
    ['png signature only', PNG_1x1.subarray(0, 8)],
    ['truncated jpeg', jpeg(10, 10).subarray(0, 12)],
    ['random bytes', Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 73 + 11) & 255))],
    ['html named png', Buffer.from('<html><script>alert(1)</script></html>')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});
