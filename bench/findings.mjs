/**
 * Child process of the bench: what it costs to read every finding of an evaluation, in each of the three
 * containers, on one mix. `evaluateCity`'s list makes each finding when first read: it is read once with `for…of`,
 * once with `filter` and once by index, each on an evaluation of its own (so every read makes its findings);
 * `evaluateBatch().findings()` and `evaluateCommunities` make them one at a time and keep none. The verdict counts of
 * the five readings are checked equal. Usage: node --expose-gc bench/findings.mjs MIX N
 */
import { evaluateBatch, evaluateCity, evaluateCommunities } from 'shequ-rules/evaluate';
import { communitiesMix } from './generate.mjs';

const [mix, n] = [process.argv[2], Number(process.argv[3])];
const records = communitiesMix(n, mix);
const dataset = { year: 2013, communities: records };
/** Time one reading; returns its milliseconds and how many findings it read and found failing. */
function timed(read) {
  globalThis.gc?.();
  const t = performance.now();
  const { all, fail } = read();
  return { ms: performance.now() - t, all, fail };
}
const out = {};
out.city = timed(() => {
  const e = evaluateCity(dataset);
  return { all: e.findings.length, fail: e.summary.counts.fail };
});
for (const how of ['for…of', 'filter', 'index']) {
  const e = evaluateCity(dataset); // a fresh evaluation: none of its findings made yet
  out[how] = timed(() => {
    const list = e.findings;
    let fail = 0;
    if (how === 'for…of') for (const f of list) fail += f.status === 'fail' ? 1 : 0;
    else if (how === 'filter') fail = list.filter((f) => f.status === 'fail').length;
    else for (let i = 0; i < list.length; i++) fail += list[i].status === 'fail' ? 1 : 0;
    return { all: list.length, fail };
  });
}
out.batch = timed(() => {
  let all = 0;
  let fail = 0;
  for (const f of evaluateBatch(records, { year: 2013 }).findings()) {
    all++;
    fail += f.status === 'fail' ? 1 : 0;
  }
  return { all, fail };
});
out.stream = timed(() => {
  let all = 0;
  let fail = 0;
  for (const f of evaluateCommunities(records, { year: 2013 })) {
    all++;
    fail += f.status === 'fail' ? 1 : 0;
  }
  return { all, fail };
});
// The city's list ends with the city's own findings (a handful); the other two hold the communities' only.
const lists = ['for…of', 'filter', 'index'].map((k) => out[k]);
const same = (a, b) => a.all === b.all && a.fail === b.fail;
if (!lists.every((x) => same(x, lists[0])) || !same(out.batch, out.stream) || lists[0].all < out.batch.all || lists[0].all - out.batch.all > 20)
  throw new Error(`${mix}: the readings disagree: ${JSON.stringify(out)}`);
console.log(JSON.stringify({ mix, n, ...out }));
