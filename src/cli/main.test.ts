import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from './main.js';

function io(stderrIsTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  return { io: { stdin: Readable.from([]), stdout, stderr, stderrIsTTY }, out, err };
}

describe('the progress line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shequ-main-'));
  const file = join(dir, 'big.csv');
  const rows = ['id,name,kind,households,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid'];
  for (let i = 0; i < 120_000; i++) rows.push(`c${i},n,urban,3000,8000,400,5,true,true,30000`);
  writeFileSync(file, `${rows.join('\n')}\n`);

  test('appears on a terminal for inputs over 100,000 rows', async () => {
    const t = io(true);
    expect(await main(['report', file, '--year', '2013'], t.io)).toBe(0);
    expect(t.err.join('')).toContain('\r100000 rows…');
    expect(t.err.join('')).not.toContain('\r200000 rows…');
  }, 60_000);

  test('never in JSON output, and never when standard error is not a terminal', async () => {
    const json = io(true);
    await main(['report', file, '--year', '2013', '--format', 'json'], json.io);
    expect(json.err.join('')).toBe('');
    const piped = io(false);
    await main(['report', file, '--year', '2013'], piped.io);
    expect(piped.err.join('')).toBe('');
  }, 60_000);
});
