/** Run inside the copy: every part of the library that should see the new provision, asked. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createPolicy } from './src/index.js';
import { evaluateBatch, evaluateCity, formatReport } from './src/evaluation.js';
import { auditPolicy, provision } from './src/spec.js';
import { reportHtml } from './src/view.js';
import { main } from './src/cli/main.js';
import { renderBook } from './scripts/book/policy-book.js';

const QID = process.argv[2]!;
const cli = async (args: string[]) => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const code = await main(args, { stdout: out, stderr: new PassThrough(), stdin: new PassThrough(), stderrIsTTY: false } as never);
  return { code, text };
};
// Typed: the copy's tsc run fails unless Policy has the method, its input and its result from the list.
const policy = createPolicy();
const communities = [
  { id: 'c1', name: '东苑', kind: 'urban' as const, households: 3000, residents: 8000, staff: 0 },
  { id: 'c2', name: '西苑', kind: 'urban' as const, households: 3000, residents: 8000, staff: 5 },
];
const evaluation = evaluateCity({ year: 2013, communities });
const batch = evaluateBatch(communities, { year: 2013 });
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
const data = join(dir, 'city.json');
await import('node:fs').then((fs) => fs.writeFileSync(data, JSON.stringify({ year: 2013, communities })));
const formats: Record<string, boolean> = {};
for (const format of ['text', 'markdown', 'json', 'ndjson', 'html']) {
  const r = await cli(['report', data, '--format', format, '--lang', 'en', '--all']);
  formats[format] = r.code === 1 && r.text.includes(QID);
}
const xlsx = join(dir, 'report.xlsx');
const x = await cli(['report', data, '--format', 'xlsx', '--output', xlsx, '--lang', 'en']);
formats.xlsx = x.code === 1 && readFileSync(xlsx).length > 0;
const explain = await cli(['explain', 'min-workers', '--households', '10', '--lang', 'en']);
const book = renderBook();
const counts = batch.byProvision[QID];
console.log(
  JSON.stringify({
    rule: policy.minimumWorkers({ households: 10 }).workers,
    amended: createPolicy({}, { on: '2016-03-01' }).minimumWorkers({ households: 10 }).workers,
    asOf: policy.asOf('2016-03-01').find((a) => a.path === 'minimum.workers')?.value,
    before: policy.asOf('2014-03-01').find((a) => a.path === 'minimum.workers')?.value,
    finding: evaluation.findings.filter((f) => f.provision === QID).map((f) => f.status),
    owed: String((evaluation.summary.owed as Record<string, unknown>).minimumWorkers),
    batch: counts,
    batchTotal: batch.counts.pass + batch.counts.fail + batch.counts.unknown === batch.provisions.length * communities.length,
    text: formatReport(evaluation, { lang: 'en' }).includes(`minimum workers (${QID})`),
    html: reportHtml(evaluation, { lang: 'en' }).includes(QID),
    formats,
    explain: explain.code === 0 && /^Result \(/.test(explain.text) && explain.text.includes('How it is computed'), // the result first, in words
    clause: provision('A.4.2').rules.includes('minimumWorkers') && provision('A.4.2').quantities.includes(QID),
    book: Object.values(book).some((t) => t.includes('minimumWorkers')),
    audit: auditPolicy().findings.length > 0,
  }),
);
