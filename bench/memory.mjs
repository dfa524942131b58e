/** Child process of the bench: peak RSS of one evaluation. Usage: node bench/memory.mjs city|stream N */
import { evaluateCity, evaluateCommunities } from 'shequ-rules/evaluate';
import { communities, rng } from './generate.mjs';

const [mode, count] = [process.argv[2], Number(process.argv[3])];
let findings = 0;
if (mode === 'city') {
  findings = evaluateCity({ year: 2013, communities: communities(count) }).findings.length;
} else {
  // Records are made one at a time and dropped: the input never exists as a whole.
  function* stream() {
    const r = rng(7);
    for (let i = 0; i < count; i++) {
      const [c] = communities(1, Math.floor(r() * 2 ** 31));
      c.id = `c${i}`;
      yield c;
    }
  }
  for (const f of evaluateCommunities(stream(), { year: 2013 })) if (f.status) findings++;
}
console.log(JSON.stringify({ mode, count, findings, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
