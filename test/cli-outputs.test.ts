/**
 * The CLI's outputs never destroy data (the built binary, spawned):
 * - an output that is one of the inputs (by any path, a symbolic or a hard link, standard input) is refused before
 *   anything is read or written;
 * - a write that fails (a full disk, a file-size limit, a directory, a missing directory) is exit 2 naming the output,
 *   in the language of --lang, and leaves the previous report as it was, with no temporary file beside it;
 * - interrupted while writing, the program leaves the previous report and no temporary file, and ends by the signal;
 * - on standard output, a full disk is exit 2 and a reader who stops early (`| head`) ends it quietly, with the
 *   verdict's exit code;
 * - a message that quotes the data shows its control characters, never passes them to the terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/bin.js');
const root = mkdtempSync(join(tmpdir(), 'shequ-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HEADER = 'id,name,kind,households,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid';
/** `n` urban communities whose rooms are 300 m² short (400 m² due for 8,000 residents), each a failing finding. */
const csv = (n: number) => `${HEADER}\n${Array.from({ length: n }, (_, i) => `c${i},n${i},urban,3000,8000,100,5,true,true,30000`).join('\n')}\n`;
const SMALL = csv(3);

let dirs = 0;
/** A fresh directory holding `in.csv` (three communities) and, given, a previous `out` report. */
function place(previous?: string): { dir: string; input: string; out: string; tmp: string } {
  const dir = join(root, `d${dirs++}`);
  mkdirSync(dir);
  const tmp = join(dir, 'tmp'); // the spool's TMPDIR, to see it emptied
  mkdirSync(tmp);
  const input = join(dir, 'in.csv');
  writeFileSync(input, SMALL);
  const out = join(dir, 'out');
  if (previous !== undefined) writeFileSync(out, previous);
  return { dir, input, out, tmp };
}

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Run the CLI in `cwd` (through bash when `shell` prefixes it, e.g. `ulimit -f 4;`). */
function run(args: string[], o: { cwd?: string; tmp?: string; shell?: string; stdinFile?: string } = {}): Ran {
  const env = { ...process.env, NO_COLOR: '1', ...(o.tmp && { TMPDIR: o.tmp }) };
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r =
    o.shell !== undefined || o.stdinFile !== undefined
      ? spawnSync('bash', ['-c', `${o.shell ?? ''} exec ${quoted}${o.stdinFile ? ` < '${o.stdinFile}'` : ''}`], { cwd: o.cwd, env, encoding: 'utf8' })
      : spawnSync(process.execPath, [BIN, ...args], { cwd: o.cwd, env, encoding: 'utf8' });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** The names in a directory, but the spool's `tmp`: no temporary file is ever left. */
const names = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n !== 'tmp')
    .sort();

describe('an output that is an input is refused before anything is read or written', { timeout: 120_000 }, () => {
  test.each([
    ['the same path', (p: ReturnType<typeof place>) => ({ args: [p.input], output: p.input })],
    ['another spelling of the path', (p: ReturnType<typeof place>) => ({ args: [p.input], output: './in.csv' })],
    [
      'a symbolic link to it',
      (p: ReturnType<typeof place>) => {
        symlinkSync('in.csv', join(p.dir, 'link.csv'));
        return { args: ['in.csv'], output: 'link.csv' };
      },
    ],
    [
      'a hard link to it',
      (p: ReturnType<typeof place>) => {
        linkSync(p.input, join(p.dir, 'hard.csv'));
        return { args: ['in.csv'], output: 'hard.csv' };
      },
    ],
    ['the second of two inputs', (_p: ReturnType<typeof place>) => ({ args: [join(root, 'other.csv'), 'in.csv'], output: 'in.csv' })],
  ])('%s', (_, make) => {
    writeFileSync(join(root, 'other.csv'), SMALL);
    const p = place();
    const { args, output } = make(p);
    const before = names(p.dir);
    for (const lang of ['zh', 'en']) {
      const r = run(['report', ...args, '--year', '2013', '--output', output, '--lang', lang], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain(lang === 'zh' ? `${output}：输出文件就是输入文件` : `${output}: the output is the input`);
    }
    expect(readFileSync(p.input, 'utf8')).toBe(SMALL);
    expect(names(p.dir)).toEqual(before);
  });

  test('standard input redirected from the output', () => {
    const p = place();
    const r = run(['report', '-', '--year', '2013', '--output', 'in.csv', '--lang', 'en'], { cwd: p.dir, stdinFile: p.input });
    expect(r.code).toBe(2);
    expect(r.err).toContain('in.csv: the output is the input (standard input)');
    expect(readFileSync(p.input, 'utf8')).toBe(SMALL);
  });

  test('standard output redirected to an input (`>>`, which a shell opens without emptying it)', () => {
    const p = place();
    for (const [lang, words] of [
      ['zh', '标准输出：输出文件就是输入文件 in.csv，报告会写进数据；请把标准输出重定向到另一个文件'],
      ['en', 'standard output: the output is the input in.csv: the report would be written into the data; redirect standard output to another file'],
    ] as const) {
      const r = run(['report', 'in.csv', '--year', '2013', '--lang', lang], { cwd: p.dir, shell: 'exec >>in.csv;' });
      expect(r.code).toBe(2);
      expect(r.err).toBe(`shequ-rules: ${words}\n`);
    }
    expect(readFileSync(p.input, 'utf8')).toBe(SMALL);
  });

  test('the column map or the parameters file', () => {
    const p = place();
    writeFileSync(join(p.dir, 'map.json'), '{}');
    writeFileSync(join(p.dir, 'params.json'), '{}');
    for (const [flag, file] of [
      ['--columns', 'map.json'],
      ['--params', 'params.json'],
    ] as const) {
      const r = run(['report', 'in.csv', '--year', '2013', flag, file, '--output', file, '--lang', 'en'], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${file}: the output is the input ${file}`);
      expect(readFileSync(join(p.dir, file), 'utf8')).toBe('{}');
    }
  });
});

describe('a write that fails is exit 2 naming the output, and the previous report is kept', { timeout: 120_000 }, () => {
  test.each(['text', 'markdown', 'json', 'ndjson', 'html', 'xlsx'])('--output /dev/full in %s', (format) => {
    const p = place();
    for (const lang of ['zh', 'en']) {
      const r = run(['report', p.input, '--year', '2013', '--format', format, '--output', '/dev/full', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(lang === 'zh' ? '/dev/full：无法写入报告(ENOSPC' : '/dev/full: cannot write the report (ENOSPC');
    }
  });

  test('a file-size limit (ulimit -f): the text report is not cut at the limit but refused, the previous one kept', () => {
    const p = place('previous report\n');
    // 20,000 failing communities: a report far over 4 KiB.
    writeFileSync(p.input, csv(20_000));
    const r = run(['report', p.input, '--year', '2013', '--all', '--output', p.out, '--lang', 'en'], { shell: 'ulimit -f 4;', tmp: p.tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${p.out}: cannot write the report (EFBIG`);
    expect(readFileSync(p.out, 'utf8')).toBe('previous report\n');
    expect(names(p.dir)).toEqual(['in.csv', 'out']);
  });

  test('the spool of a JSON report under a file-size limit names its temporary file, never the input, and is removed', () => {
    const p = place();
    writeFileSync(p.input, csv(20_000));
    const r = run(['report', p.input, '--year', '2013', '--all', '--format', 'json', '--output', p.out, '--lang', 'en'], { shell: 'ulimit -f 4;', tmp: p.tmp });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shequ-rules-\w+\/2013\.ndjson: cannot write the temporary file that holds the findings \(EFBIG\)/);
    expect(r.err).not.toContain('cannot read');
    expect(readdirSync(p.tmp)).toEqual([]);
    expect(names(p.dir)).toEqual(['in.csv']);
  });

  test('a directory, or a directory that does not exist: refused before the input is read', () => {
    const p = place();
    // The input does not exist: the output is refused first, so it is the output that is named.
    const dir = run(['report', 'missing.csv', '--year', '2013', '--output', p.tmp, '--lang', 'en'], { cwd: p.dir });
    expect(dir.code).toBe(2);
    expect(dir.err).toBe(`shequ-rules: ${p.tmp}: cannot write the report (EISDIR: it is a directory); nothing was written\n`);
    const missing = run(['report', 'missing.csv', '--year', '2013', '--output', 'no/such/dir/r.txt'], { cwd: p.dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('shequ-rules: no/such/dir/r.txt：无法写入报告(ENOENT，所在目录不存在)；报告未写入\n');
    expect(names(p.dir)).toEqual(['in.csv']);
  });

  test.skipIf(process.getuid?.() === 0)('a report made read-only is not replaced', () => {
    const p = place('previous report\n');
    chmodSync(p.out, 0o444);
    const r = run(['report', p.input, '--year', '2013', '--output', p.out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('(EACCES');
    expect(readFileSync(p.out, 'utf8')).toBe('previous report\n');
  });
});

describe('a report replaces the previous one whole', { timeout: 120_000 }, () => {
  test('through a symbolic link (the link stays a link), keeping the previous file’s permissions', () => {
    const p = place('previous report\n');
    chmodSync(p.out, 0o640);
    symlinkSync('out', join(p.dir, 'link'));
    const r = run(['report', p.input, '--year', '2013', '--output', join(p.dir, 'link'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(lstatSync(join(p.dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(p.out, 'utf8')).toContain('Community-building compliance report');
    expect(statSync(p.out).mode & 0o777).toBe(0o640);
    expect(names(p.dir)).toEqual(['in.csv', 'link', 'out']);
  });
});

describe('interrupted while writing', { timeout: 180_000 }, () => {
  // 40,000 failing communities with --all: a JSON report of about 60 MB, written for seconds.
  test.each(['SIGINT', 'SIGTERM'] as const)(
    'by %s: the previous report is kept, no temporary file is left, and the program ends by the signal',
    async (signal) => {
      const p = place('previous report\n');
      writeFileSync(p.input, csv(40_000));
      const child = spawn(process.execPath, [BIN, 'report', p.input, '--year', '2013', '--all', '--format', 'json', '--output', p.out], {
        env: { ...process.env, TMPDIR: p.tmp },
        stdio: 'ignore',
      });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig })),
      );
      // Wait for the temporary report file beside the target: the report is being written.
      let seen = false;
      for (let i = 0; i < 6000 && !seen && child.exitCode === null; i++) {
        seen = readdirSync(p.dir).some((n) => n.startsWith('.out.') && n.endsWith('.tmp'));
        if (!seen) await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toBe(true);
      child.kill(signal);
      const end = await ended;
      expect(end).toEqual({ code: null, signal });
      expect(readFileSync(p.out, 'utf8')).toBe('previous report\n');
      expect(names(p.dir)).toEqual(['in.csv', 'out']);
      expect(readdirSync(p.tmp)).toEqual([]);
    },
  );
});

describe('standard output', { timeout: 120_000 }, () => {
  test('a full disk is exit 2, said in the language of --lang', () => {
    const p = place();
    for (const lang of ['zh', 'en']) {
      for (const args of [['report', p.input, '--year', '2013', '--lang', lang], ['audit', '--lang', lang], ['schema']]) {
        const r = run(args, { shell: 'exec >/dev/full;' });
        expect(r.code).toBe(2);
        expect(r.err).toContain(lang === 'zh' || args[0] === 'schema' ? '标准输出：无法写入报告(ENOSPC' : 'standard output: cannot write the report (ENOSPC');
      }
    }
  });

  test('a file-size limit is exit 2, not a report cut at the limit', () => {
    const p = place();
    writeFileSync(p.input, csv(20_000));
    const r = run(['report', p.input, '--year', '2013', '--all', '--lang', 'en'], { shell: `ulimit -f 4; exec >'${join(p.dir, 'r.txt')}';` });
    expect(r.code).toBe(2);
    expect(r.err).toContain('standard output: cannot write the report (EFBIG');
  });

  test('a reader that stops early ends the report quietly, and the exit code is still the verdict', () => {
    const p = place();
    writeFileSync(p.input, csv(5_000));
    const r = spawnSync(
      'bash',
      [
        '-c',
        `'${process.execPath}' '${BIN}' report '${p.input}' --year 2013 --all --format json 2>'${p.dir}/err' | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: p.tmp },
      },
    );
    expect(r.stdout.trim()).toBe('1'); // findings fail
    expect(readFileSync(join(p.dir, 'err'), 'utf8')).toBe('');
    expect(readdirSync(p.tmp)).toEqual([]);
  });
});

describe('hostile text from the data', { timeout: 120_000 }, () => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
  const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  test('a name with terminal control sequences is shown, never obeyed, in the text report; raw HTML never reaches the Markdown', () => {
    const p = place();
    writeFileSync(p.input, `${HEADER}\nc1,"\u001b[2K\r\u001b[1A✓ <script>x</script>\u009b31m\u202e",urban,3000,8000,100,5,true,true,30000\n`);
    // A row a line (--width 0): the escapes are the subject here, the wrapping test/text-width.test.ts's.
    const text = run(['report', p.input, '--year', '2013', '--lang', 'en', '--width', '0']);
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(OBEYED);
    // (A line break inside a cell is a space, as before; the escapes are shown.)
    expect(text.out).toMatch(/^✗  \\u001b\[2K \\u001b\[1A✓ <script>x<\/script>\\u009b31m\\u202e c1  room area/m);
    const md = run(['report', p.input, '--year', '2013', '--format', 'markdown']);
    expect(md.out).not.toMatch(OBEYED);
    expect(md.out).not.toContain('<script>');
    expect(md.out).toContain('&lt;script&gt;');
  });

  test('an error message quoting a file’s header or cell shows its control characters', () => {
    const p = place();
    writeFileSync(p.input, `${HEADER},\u001b]0;title\u0007\u009b2J\u202e\nc1,n,urban,3000\u009b2J\u202e,8000,100,5,true,true,30000,x\n`);
    for (const lang of ['zh', 'en']) {
      const r = run(['report', p.input, '--year', '2013', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^shequ-rules: /);
      expect(r.err).not.toMatch(OBEYED);
    }
  });
});
