/**
 * The thread that reads a large CSV for `report` while the main thread
 * evaluates: it runs the one reading of `src/read/` (`readCsvBlocks`: the
 * tokenizer, the encoding check and the table reader) on the file, and sends
 * its rows in blocks of typed arrays, in the order of the file, at most a few
 * blocks ahead of the main thread. What the reading noted, or its error,
 * comes last.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { errorData, readCsvBlocks, type BlockMessage } from '../read/blocks.js';
import type { BlockRequest } from '../read/read-file.js';

/** Blocks sent ahead of the main thread's answers. */
const AHEAD = 4;

const port = parentPort!;
const { path, request } = workerData as { path: string; request: BlockRequest };
let credit = AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
  wake = undefined;
});

/** The file's chunks, each only once the main thread has room for more blocks. */
async function* chunks(): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    yield chunk as Buffer;
  }
}

function send(b: BlockMessage): void {
  credit--;
  const d = b.data;
  const buffers = [d.rows, d.years, d.values, d.wordHow, d.wordStart, d.wordEnd, d.bytes].map((a) => a.buffer as ArrayBuffer);
  port.postMessage({ type: 'block', block: b }, buffers);
}

try {
  const result = await readCsvBlocks(request, chunks(), send);
  port.postMessage({ type: 'done', result });
} catch (e) {
  port.postMessage({ type: 'error', error: errorData(e) });
}
port.close();
