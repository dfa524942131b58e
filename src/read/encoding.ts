/**
 * Which encoding a text file is in, told from its first bytes: a BOM (UTF-8,
 * UTF-16 LE or BE), else UTF-8 when the start is valid UTF-8, else GB18030 —
 * what Excel and WPS write on Chinese Windows (GBK is a subset of it). Decoded
 * with the built-in TextDecoder('gb18030'): the 'gbk' label misses the
 * four-byte sequences on Node 20. Then streamed: a chunk at a time.
 */

/** An encoding the reader knows, as the report names it. */
export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** A decoding problem, with the byte offset where it was found. */
export class EncodingError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'EncodingError';
  }
}

/** How many bytes are looked at before deciding (more is read only when they are all ASCII). */
const SNIFF_BYTES = 64 * 1024;

const LABEL: Record<TextEncodingName, string> = {
  'UTF-8': 'utf-8',
  'UTF-8 with BOM': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
};

/**
 * The encoding of a file whose first bytes are `head`; `complete` says
 * whether `head` is the whole file (else a character cut at its end is fine).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8 with BOM';
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

/** Chunks of bytes as one (without Buffer, which a browser does not have). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const c of chunks) {
    out.set(c, n);
    n += c.length;
  }
  return out;
}

/** Whether the bytes are all ASCII (then they say nothing about the encoding). */
const ascii = (b: Uint8Array) => b.every((x) => x < 0x80);

/**
 * Decode a stream of bytes to text: the encoding is decided on the first
 * 64 KiB that hold a non-ASCII byte, reported through `onEncoding`, and the
 * BOM is dropped. Bytes that are not valid in the encoding are an
 * {@link EncodingError} (never a replacement character). `limit` bounds the
 * input's size (an error from `tooBig` when passed).
 */
export async function* decodeText(
  input: AsyncIterable<Uint8Array | string>,
  onEncoding: (name: TextEncodingName) => void,
  limit = Infinity,
  tooBig: (bytes: number) => Error = (n) => new Error(`over ${n} bytes`),
): AsyncGenerator<string> {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let bytes = 0;
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let name: TextEncodingName | undefined;
  const decode = (buf: Uint8Array, offset: number, stream: boolean): string => {
    try {
      return decoder!.decode(buf, { stream });
    } catch {
      throw new EncodingError(
        offset,
        name === 'UTF-8' && offset > 0 ? 'bytes that are not UTF-8 after a start that was (the file mixes encodings?)' : `bytes that are not valid ${name}`,
      );
    }
  };
  const start = (complete: boolean): string => {
    const head = concatBytes(held);
    held.length = 0;
    name = detectEncoding(head, complete);
    onEncoding(name);
    decoder = new TextDecoder(LABEL[name], { fatal: true, ignoreBOM: false });
    return decode(head, 0, !complete);
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    bytes += buf.length;
    if (bytes > limit) throw tooBig(limit);
    if (decoder) {
      yield decode(buf, bytes - buf.length, true);
      continue;
    }
    held.push(buf);
    heldBytes += buf.length;
    // Decide once a non-ASCII byte is in view, on at least the first 64 KiB (or all of it, if shorter).
    const sawNonAscii = !held.every(ascii);
    if ((sawNonAscii && heldBytes >= Math.min(SNIFF_BYTES, 4096)) || heldBytes >= SNIFF_BYTES * 16) yield start(false);
  }
  if (!decoder) {
    yield start(true);
    return;
  }
  try {
    yield decoder.decode();
  } catch {
    throw new EncodingError(bytes, `the input ends in the middle of a ${name} character`);
  }
}
