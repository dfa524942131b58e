// Evaluate the made-up example city from a script or a notebook.
// Run with `node examples/evaluate-city.mjs` after `npm run build`.
import { readFileSync } from 'node:fs';
import { createPolicy } from 'shequ-rules';
import { evaluateCity, formatReport } from 'shequ-rules/evaluate';

const city = JSON.parse(readFileSync(new URL('./city.json', import.meta.url), 'utf8'));

// The policy as written, and the same data under the by-days reading of I8.
const asWritten = evaluateCity(city);
const byDays = evaluateCity(city, createPolicy({ streetSubsidy: { proration: 'by-days' } }));

const failing = asWritten.findings.filter((f) => f.status === 'fail');
console.log(`${failing.length} findings fail:`);
for (const f of failing) console.log(`  ${f.subject.padEnd(10)} ${f.provision.padEnd(20)} ${f.message.en}`);

console.log(`\nSubsidy still owed: ${asWritten.summary.owed.streetSubsidyYuan} yuan (by-days reading: ${byDays.summary.owed.streetSubsidyYuan})`);
console.log(`Urban communities meeting every check: ${asWritten.summary.urbanMeetingAll.count} of ${asWritten.summary.urbanMeetingAll.of}`);

// The Markdown report, for a document.
console.log(`\n${formatReport(asWritten, { format: 'markdown', lang: 'en' }).split('\n').slice(0, 8).join('\n')}`);
