import { constants, deflateRawSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { InflateError, InflateLimit, inflateRaw } from './inflate.js';

/** Bytes zlib (an independent writer) deflates in every way it can: stored, fixed and dynamic codes, Huffman only. */
const WAYS = [
  { level: 0 },
  { level: 1 },
  { level: 6 },
  { level: 9 },
  { level: 6, strategy: constants.Z_FIXED },
  { level: 6, strategy: constants.Z_HUFFMAN_ONLY },
  { level: 6, strategy: constants.Z_RLE },
];

describe('inflateRaw: raw DEFLATE with a bound', () => {
  test.prop([fc.uint8Array({ maxLength: 70_000 }), fc.constantFrom(...WAYS)], { numRuns: 60 })(
    'gives back what zlib deflated, whatever the bytes and the way',
    (bytes, way) => {
      expect(Buffer.from(inflateRaw(deflateRawSync(bytes, way), bytes.length))).toEqual(Buffer.from(bytes));
    },
  );

  test.prop([fc.array(fc.constantFrom('<c r="A1">', '<v>3695</v>', '</c>', '城东社区', ' '), { maxLength: 20_000 }), fc.constantFrom(...WAYS)], {
    numRuns: 30,
  })('gives back repetitive XML as zlib deflated it (long matches, short distances)', (parts, way) => {
    const bytes = Buffer.from(parts.join(''));
    expect(Buffer.from(inflateRaw(deflateRawSync(bytes, way), bytes.length))).toEqual(bytes);
  });

  test('stops at the end of the stream: the bytes after it are not read', () => {
    const z = deflateRawSync(Buffer.from('合计,3695'));
    expect(Buffer.from(inflateRaw(Buffer.concat([z, Buffer.from('PK\x03\x04 the next entry')]), 100)).toString()).toBe('合计,3695');
  });

  test('refuses to give more than the bound: one byte more is refused, the exact size is not', () => {
    const bytes = Buffer.alloc(1_000_000, '<c/>');
    const z = deflateRawSync(bytes);
    expect(inflateRaw(z, 1_000_000).length).toBe(1_000_000);
    expect(() => inflateRaw(z, 999_999)).toThrow(InflateLimit);
  });

  test('a stream cut short, or bytes that are not deflate, are refused as such', () => {
    const z = deflateRawSync(Buffer.alloc(10_000, 'abc'));
    expect(() => inflateRaw(z.subarray(0, z.length - 4), 1e6)).toThrow(InflateError);
    expect(() => inflateRaw(Uint8Array.of(0xff, 0xff, 0xff), 1e6)).toThrow(InflateError); // block type 3
  });
});
