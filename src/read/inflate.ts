/**
 * Raw DEFLATE (RFC 1951) inflated with a bound on its output, in plain
 * TypeScript, so that a workbook's zip can be measured before the spreadsheet
 * library inflates it, in Node and in a browser alike. It stops at the end of
 * the deflate stream (bytes after it are not read), as zlib does, and gives up
 * as soon as the output would pass the bound: a small part that inflates to
 * gigabytes is never held.
 */

/** The output would pass the bound given to {@link inflateRaw}. */
export class InflateLimit extends Error {
  constructor() {
    super('inflated past the bound');
    this.name = 'InflateLimit';
  }
}

/** The bytes are not a deflate stream (or it is cut short). */
export class InflateError extends Error {
  constructor(what: string) {
    super(`not a deflate stream: ${what}`);
    this.name = 'InflateError';
  }
}

/**
 * A canonical Huffman code: how many codes of each length, and the symbols in code order; and, for the codes of
 * up to {@link FAST} bits, a table by the next {@link FAST} bits of the stream of `symbol << 4 | length` (0: a
 * longer code, decoded a bit at a time).
 */
interface Huffman {
  readonly counts: Uint16Array;
  readonly symbols: Uint16Array;
  readonly fast: Int32Array;
}

/** Bits looked up at once. */
const FAST = 10;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which the code lengths of the code-length code are given. */
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function huffman(lengths: ArrayLike<number>, from: number, n: number): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < n; i++) counts[lengths[from + i]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 16; len++) offsets[len] = offsets[len - 1]! + counts[len - 1]!;
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const len = lengths[from + i]!;
    if (len !== 0) symbols[offsets[len]!++] = i;
  }
  // The canonical code of each short symbol, its bits reversed (the stream gives a code's first bit lowest).
  const fast = new Int32Array(1 << FAST);
  const next = new Uint16Array(16);
  for (let len = 1, code = 0; len < 16; len++) {
    code = (code + counts[len - 1]!) << 1;
    next[len] = code;
  }
  for (let i = 0; i < n; i++) {
    const len = lengths[from + i]!;
    if (len === 0 || len > FAST) {
      if (len !== 0) next[len]!++;
      continue;
    }
    const code = next[len]!++;
    let rev = 0;
    for (let b = 0; b < len; b++) rev |= ((code >> b) & 1) << (len - 1 - b);
    for (let k = rev; k < 1 << FAST; k += 1 << len) fast[k] = (i << 4) | len;
  }
  return { counts, symbols, fast };
}

let fixed: { lit: Huffman; dist: Huffman } | undefined;
function fixedCodes(): { lit: Huffman; dist: Huffman } {
  if (fixed) return fixed;
  const l = new Uint8Array(288);
  l.fill(8, 0, 144);
  l.fill(9, 144, 256);
  l.fill(7, 256, 280);
  l.fill(8, 280, 288);
  fixed = { lit: huffman(l, 0, 288), dist: huffman(new Uint8Array(30).fill(5), 0, 30) };
  return fixed;
}

/**
 * Inflate raw deflate data, at most `maxOutput` bytes of it.
 *
 * @param data - the deflate stream (bytes after its end are ignored)
 * @param maxOutput - the most bytes the output may have
 * @returns the inflated bytes
 * @throws {@link InflateLimit} when the output would be longer; {@link InflateError} when the data is not deflate
 */
export function inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  let pos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  let out = new Uint8Array(Math.min(Math.max(1024, data.length * 4), Math.max(1, maxOutput)));
  let outLen = 0;

  const bits = (n: number): number => {
    while (bitCount < n) {
      if (pos >= data.length) throw new InflateError('cut short');
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };
  const room = (n: number): void => {
    const need = outLen + n;
    if (need <= out.length) return;
    if (need > maxOutput) throw new InflateLimit();
    const grown = new Uint8Array(Math.min(maxOutput, Math.max(need, out.length * 2)));
    grown.set(out.subarray(0, outLen));
    out = grown;
  };
  const decode = (h: Huffman): number => {
    while (bitCount < FAST && pos < data.length) {
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    if (bitCount >= FAST) {
      const e = h.fast[bitBuf & ((1 << FAST) - 1)]!;
      if (e !== 0) {
        bitBuf >>>= e & 15;
        bitCount -= e & 15;
        return e >> 4;
      }
    }
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - first < count) return h.symbols[index + code - first]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('a code that is not in its table');
  };

  for (;;) {
    const last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // A stored block starts at the next byte: the bits of this one are dropped, whole bytes looked ahead given back.
      pos -= bitCount >> 3;
      bitBuf = 0;
      bitCount = 0;
      if (pos + 4 > data.length) throw new InflateError('cut short');
      const len = data[pos]! | (data[pos + 1]! << 8);
      const nlen = data[pos + 2]! | (data[pos + 3]! << 8);
      if ((len ^ 0xffff) !== nlen) throw new InflateError('a stored block whose length is damaged');
      pos += 4;
      if (pos + len > data.length) throw new InflateError('cut short');
      room(len);
      out.set(data.subarray(pos, pos + len), outLen);
      outLen += len;
      pos += len;
    } else if (type === 1 || type === 2) {
      let lit: Huffman;
      let dist: Huffman;
      if (type === 1) ({ lit, dist } = fixedCodes());
      else {
        const nlen = bits(5) + 257;
        const ndist = bits(5) + 1;
        const ncode = bits(4) + 4;
        if (nlen > 286 || ndist > 30) throw new InflateError('too many codes');
        const lengths = new Uint8Array(320);
        for (let i = 0; i < ncode; i++) lengths[ORDER[i]!] = bits(3);
        const lencode = huffman(lengths, 0, 19);
        lengths.fill(0);
        for (let i = 0; i < nlen + ndist; ) {
          const sym = decode(lencode);
          if (sym < 16) lengths[i++] = sym;
          else {
            let repeat: number;
            let value = 0;
            if (sym === 16) {
              if (i === 0) throw new InflateError('a repeat with nothing before it');
              value = lengths[i - 1]!;
              repeat = 3 + bits(2);
            } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
            if (i + repeat > nlen + ndist) throw new InflateError('too many lengths');
            while (repeat--) lengths[i++] = value;
          }
        }
        lit = huffman(lengths, 0, nlen);
        dist = huffman(lengths, nlen, ndist);
      }
      for (;;) {
        const sym = decode(lit);
        if (sym < 256) {
          if (outLen === out.length) room(1);
          out[outLen++] = sym;
        } else if (sym === 256) break;
        else {
          const l = sym - 257;
          if (l >= 29) throw new InflateError('a length that is not in its table');
          const len = LENGTH_BASE[l]! + bits(LENGTH_EXTRA[l]!);
          const d = decode(dist);
          if (d >= 30) throw new InflateError('a distance that is not in its table');
          const back = DIST_BASE[d]! + bits(DIST_EXTRA[d]!);
          if (back > outLen) throw new InflateError('a distance back past the start');
          if (outLen + len > out.length) room(len);
          if (back >= len) out.copyWithin(outLen, outLen - back, outLen - back + len);
          else for (let k = 0; k < len; k++) out[outLen + k] = out[outLen + k - back]!;
          outLen += len;
        }
      }
    } else throw new InflateError('a block of an unknown type');
    if (last) return out.subarray(0, outLen);
  }
}
