/**
 * Child process of the bench: evaluateBatch and evaluateCity against the hand-written loop on one mix, in a fresh
 * process (records of one shape, as a user's are: a process that has seen other shapes first runs the same code
 * slower, which would measure the benchmark, not the library). Usage: node --expose-gc bench/batch-mix.mjs MIX N RUNS
 */
import { evaluateBatch, evaluateCity } from 'shequ-rules/evaluate';
import { baseline } from './baseline.mjs';
import { communitiesMix } from './generate.mjs';

const [mix, n, runs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 5)];
// `every`: evaluateCity's verdict of every community is read and held to the loop's; `sample`: every 101st (reading
// all 4,000,000 findings makes each of them, which is the findings section's measure, not this one's).
const stride = process.argv[5] === 'sample' ? 101 : 1;
const { provisions: COLUMNS } = evaluateBatch([], { year: 2013 });
const PER = COLUMNS.length;
const PICK = ['Q4/Q5', 'Q7', 'Q8', 'Q10'].map((id) => COLUMNS.indexOf(id)); // size, rooms, staff, subsidy
function time(fn, k = runs) {
  const ts = [];
  let out;
  globalThis.gc?.();
  for (let i = 0; i < k; i++) {
    out = undefined;
    const t = performance.now();
    out = fn();
    ts.push(performance.now() - t);
  }
  const s = [...ts].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], out };
}
const records = communitiesMix(n, mix);
const loop = time(() => baseline(records));
evaluateBatch(records, { year: 2013 }); // warm-up
const batch = time(() => evaluateBatch(records, { year: 2013 }));
for (let i = 0; i < n; i++) {
  for (let j = 0; j < 4; j++) {
    if ((batch.out.statuses[i * PER + PICK[j]] === 1 ? 1 : 0) !== loop.out[i * 4 + j])
      throw new Error(`${mix}: evaluateBatch and the loop differ at community ${i}, check ${j}`);
  }
}
batch.out = undefined;
const city = time(() => evaluateCity({ year: 2013, communities: records }), 1);
for (let i = 0; i < n; i += stride) {
  for (let j = 0; j < 4; j++) {
    if ((city.out.findings[i * PER + PICK[j]].status === 'pass' ? 1 : 0) !== loop.out[i * 4 + j])
      throw new Error(`${mix}: evaluateCity and the loop differ at community ${i}, check ${j}`);
  }
}
city.out = undefined;
const fails = loop.out.reduce((a, x) => a + (x === 0 ? 1 : 0), 0) / loop.out.length;
loop.out = undefined;
console.log(JSON.stringify({ mix, fails, loop, batch, city }));
