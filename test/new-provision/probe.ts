/** Run inside the copy: every part of the library that should see the new provision, asked. */
import { createPolicy } from './src/index.js';
import { evaluateCity, formatReport } from './src/evaluation.js';
import { provision } from './src/spec.js';
import { main } from './src/cli/main.js';
import { renderBook } from './scripts/book/policy-book.js';
import { PassThrough } from 'node:stream';

// Typed: the copy's tsc run fails unless Policy has the method, its input and its result from the registry.
const policy = createPolicy();
const evaluation = evaluateCity({ year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 0 }] });
const out = new PassThrough();
let text = '';
out.on('data', (d) => (text += d));
const code = await main(['explain', 'min-workers', '--households', '10', '--lang', 'en'], {
  stdout: out,
  stderr: new PassThrough(),
  stdin: new PassThrough(),
} as never);
const book = renderBook();
console.log(
  JSON.stringify({
    rule: policy.minimumWorkers({ households: 10 }).workers,
    amended: createPolicy({}, { on: '2016-03-01' }).minimumWorkers({ households: 10 }).workers,
    asOf: policy.asOf('2016-03-01').find((a) => a.path === 'minimum.workers')?.value,
    before: policy.asOf('2014-03-01').find((a) => a.path === 'minimum.workers')?.value,
    finding: evaluation.findings.find((f) => f.provision === 'Q13')?.status,
    report: formatReport(evaluation, { lang: 'en' }).includes('minimum workers (Q13)'),
    explain: code === 0 && text.includes('minimumWorkers'),
    clause: provision('A.4.2').rules.includes('minimumWorkers') && provision('A.4.2').quantities.includes('Q13'),
    book: Object.values(book).some((t) => t.includes('minimumWorkers')),
  }),
);
