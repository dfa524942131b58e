/**
 * Text from the data in the text and Markdown reports: a community's name or id may hold terminal control sequences
 * (an ESC sequence that erases a ✗ row and prints ✓), bidirectional controls, raw HTML or Markdown punctuation. The
 * report shows them as written and never lets them act.
 */
import { describe, expect, test } from 'vitest';
import { evaluateCity } from '../evaluate/city.js';
import { formatReport, markdownText, visible } from './format-report.js';

// Sequences a terminal obeys: erase the line and return (CSI 2K, CR), a C1 CSI on its own (U+009B), a window title
// (OSC … BEL), a right-to-left override (U+202E), DEL, a backspace.
const ERASE = '\u001b[2K\r\u001b[1A✓ all clear';
const NAME = `${ERASE} \u009b31m \u001b]0;pwned\u0007 \u202eliaf\u202c \u007f\b`;
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const MARKDOWN = 'a | b \\| c [link](javascript:alert(3)) ![img](http://x/t.png) **bold** `code` # h ~~s~~ _i_ &lt;';

/** What a terminal could obey: C0 (the line break aside), DEL, C1 and the bidirectional controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// One urban community whose rooms fall 100 m² short (400 m² due for 8,000 residents): its row is a ✗.
const community = (id: string, name: string) => ({
  id,
  name,
  kind: 'urban' as const,
  households: 3000,
  residents: 8000,
  roomAreaM2: 300,
  staff: 5,
  roomsOnGroundFloor: true,
  oneStopWindow: true,
  streetSubsidyPaid: 30000,
});
const evaluation = (id: string, name: string) => evaluateCity({ year: 2013, communities: [community(id, name)] });

describe('the text report shows control characters, never obeys them', () => {
  test.each([
    ['the name', 'c1', NAME],
    ['the id', `c1${ERASE}\u202e`, 'x'],
  ])('in %s', (_, id, name) => {
    const text = formatReport(evaluation(id, name), { lang: 'en', names: { [id]: name }, width: Infinity });
    expect(text).not.toMatch(OBEYED);
    const row = text.split('\n').find((l) => l.startsWith('✗') && l.includes('room area'))!;
    // The ✗ row is still there, whole, with the escape shown as JSON writes it.
    expect(row).toContain('\\u001b[2K');
    if (name === NAME) expect(row).toContain('\\u009b31m \\u001b]0;pwned\\u0007 \\u202eliaf\\u202c \\u007f\\u0008');
    else expect(row).toContain('\\u202e');
  });

  test('visible() writes each control as \\u and four hex digits, and leaves line breaks and other text alone', () => {
    expect(visible('a\u001bb\nc\u009bd\u202ee\u2066f 社区 ✓')).toBe('a\\u001bb\nc\\u009bd\\u202ee\\u2066f 社区 ✓');
  });

  test('the columns stay aligned: an escaped cell is measured as shown', () => {
    const text = formatReport(evaluation('c1', NAME), { lang: 'en', names: { c1: NAME }, width: Infinity }).split('\n');
    const head = text.find((l) => l.includes('subject') && l.includes('provision'))!;
    const row = text.find((l) => l.startsWith('✗') && l.includes('room area'))!;
    expect(row.indexOf('room area')).toBe(head.indexOf('provision'));
    expect(row.indexOf('A.3.4')).toBe(head.indexOf('clause'));
  });
});

describe('the Markdown report shows the data as text', () => {
  const md = (name: string) => formatReport(evaluation('c1', name), { format: 'markdown', lang: 'en', names: { c1: name } });

  test('no raw HTML, no control character, and every row keeps its seven cells', () => {
    const out = md(`${HTML} ${MARKDOWN} ${NAME}`);
    expect(out).not.toMatch(OBEYED);
    expect(out).not.toMatch(/<[a-z/!]/i);
    const rows = out.split('\n').filter((l) => l.startsWith('| ✗') && l.includes('room area'));
    expect(rows).toHaveLength(1);
    // Cells end at a pipe that no backslash escapes.
    expect(rows[0]!.split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  test('rendered by an independent Markdown renderer (raw HTML allowed, as a wiki may): the cell reads as the data', async () => {
    // markdown-it (a dependency of the documentation tool), loaded as a plain module without types.
    // @ts-expect-error: no type declarations
    const { default: MarkdownIt } = (await import('markdown-it')) as { default: new (o: { html: boolean }) => { render(md: string): string } };
    const name = `${HTML} ${MARKDOWN}`;
    const html = new MarkdownIt({ html: true }).render(md(name));
    expect(html).not.toMatch(/<(script|img|a|strong|em|code|s)\b/);
    expect(html.match(/<h1>/g)).toHaveLength(1); // the report's title, never a '#' from the data
    // The subject's cell, once the renderer's entities are read back, is the name as written, then the id.
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    expect(cells).toContain(`${name} c1`);
  });

  test('markdownText() escapes what Markdown would read as syntax and leaves words alone', () => {
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('a\\|b')).toBe('a\\\\\\|b'); // the backslash first, so that the pipe stays escaped
    expect(markdownText('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(markdownText('[x](y) *z* _w_ `v` # ~u~')).toBe('\\[x\\](y) \\*z\\* \\_w\\_ \\`v\\` \\# \\~u\\~');
    expect(markdownText('东苑社区 c1 A.3.4 400 m² (Q4)')).toBe('东苑社区 c1 A.3.4 400 m² (Q4)');
    expect(markdownText('a\nb\u001b')).toBe('a b\\\\u001b');
  });
});
