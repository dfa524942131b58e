/**
 * `shequ-rules explain <rule> … --format dot|json-graph`: the explanation
 * graph of the rule's result (src/graph/), as Graphviz DOT labelled in the
 * language of `--lang`, or as JSON in the shape of OpenFisca's `/trace`.
 */
import type { Writable } from 'node:stream';
import { graphDot, graphJson, ruleGraph } from '../graph/index.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { Lang } from '../trace.js';
import { StreamOutput } from './output.js';

/** The formats of `explain` that write the graph (main.ts loads this module only for them). */
export type GraphFormat = 'dot' | 'json-graph';

/**
 * Write the graph of `rule` on `input` under `policy` to `out` (every write error met as the other outputs meet
 * them). The input has been computed once already, so it is not refused here.
 *
 * @returns the exit code, 0
 */
export async function explainGraph(out: Writable, rule: string, input: unknown, policy: PolicyCore, format: GraphFormat, lang: Lang): Promise<number> {
  const graph = ruleGraph(rule, input, { policy });
  const text = format === 'dot' ? graphDot(graph, lang) : `${JSON.stringify(graphJson(graph), null, 2)}\n`;
  const s = new StreamOutput(out);
  await s.write(text);
  await s.end();
  return 0;
}
