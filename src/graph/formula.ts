/**
 * A finding's graph from its check's formula (`src/formula/`): every node of
 * the tree is a node of the graph — a field of the community's record with
 * its value, a parameter with its source, a reading with its choice, each
 * operation with exactly the operands it reads — and the finding's verdict,
 * expected, actual and shortfall are the roots. A subtree the formula uses
 * twice (the expected value inside the shortfall) is one node.
 *
 * The walk knows the operations' words; a kind of node it does not know yet
 * is still drawn, by its `op`, with every operand it holds, never dropped.
 */
import { b, type Bilingual } from '../bilingual.js';
import type { CheckFormula, Node as FormulaNode } from '../formula/types.js';
import type { GraphNode, GraphValue } from './model.js';

/** What the walk needs from outside: the record's fields, the year, and the graph's nodes of parameters and readings. */
export interface FormulaContext {
  readonly record: Readonly<Record<string, unknown>> | undefined;
  readonly year: number | undefined;
  readonly clause: string;
  /** The graph value of a record's field. */
  readonly value: (v: unknown) => GraphValue;
  /** A parameter's node (made once per path), or undefined when the policy leaves it unset. */
  readonly parameter: (path: string) => GraphNode | undefined;
  /** A reading's node (made once per id), depending on the parameter that chooses it. */
  readonly reading: (id: string, path: string | undefined, choice?: string) => GraphNode;
  /** A field's words and unit. */
  readonly words: (name: string) => { name: Bilingual; unit?: string };
  /** The value of a node of the formula on the record, exactly (null when unknown, or without a record). */
  readonly evaluate: (x: FormulaNode) => GraphValue;
  /** A rule of the policy that a value comes from: its output's words and unit, and the rule's clause. */
  readonly rule: (name: string, output: string) => { name: Bilingual; unit?: string; clause?: string };
  /** The readings the rule of a rule node took on the record (none without a record or an input it needs), with the parameter that chose each. */
  readonly ruleReadings: (x: FormulaNode) => readonly { id: string; choice: string; path?: string }[];
}

const OP_WORDS: Readonly<Record<string, Bilingual>> = {
  add: b('求和 +', 'sum +'),
  sub: b('相减 −', 'difference −'),
  mul: b('相乘 ×', 'product ×'),
  div: b('相除 ÷', 'quotient ÷'),
  abs: b('绝对值', 'absolute value'),
  max: b('取最大', 'the largest'),
  min: b('取最小', 'the smallest'),
  if: b('按条件取值', 'one value or another by a condition'),
  ofYear: b('当年适用的值', 'the value for the data’s year'),
  ge: b('≥', '≥'),
  gt: b('>', '>'),
  le: b('≤', '≤'),
  lt: b('<', '<'),
  eq: b('=', '='),
  and: b('且', 'and'),
  or: b('或', 'or'),
  not: b('非', 'not'),
  true: b('恒成立', 'always holds'),
  daysInYear: b('当年天数', 'days in the year'),
};

const ROUND_WORDS: Readonly<Record<string, Bilingual>> = {
  ceil: b('向上取整', 'rounded up'),
  floor: b('向下取整', 'rounded down'),
  'half-up': b('四舍五入', 'rounded half up'),
};

const isNode = (x: unknown): x is FormulaNode => typeof x === 'object' && x !== null && typeof (x as { op?: unknown }).op === 'string';

/**
 * The nodes of a finding's graph from its check's formula: the roots `value:status`, `value:expected`,
 * `value:actual` (and `value:shortfall` when the finding has one), with the finding's own values, and one node per
 * node of the tree.
 */
export function formulaNodes(
  formula: CheckFormula,
  roots: { status: GraphValue; expected: GraphValue; actual: GraphValue; shortfall?: GraphValue; unit?: string },
  cx: FormulaContext,
  applies?: FormulaNode,
): GraphNode[] {
  const out = new Map<string, GraphNode>();
  const seen = new Map<object, string>();
  let count = 0;
  const put = (n: GraphNode) => {
    if (!out.has(n.id)) out.set(n.id, n);
    return n.id;
  };
  const ofReading = (id: string, path: string | undefined, choice?: string) => {
    const r = cx.reading(id, path, choice);
    for (const d of r.dependencies) {
      const p = cx.parameter(d.slice('parameter:'.length));
      if (p) put(p);
    }
    return put(r);
  };

  const walk = (x: FormulaNode): string => {
    const known = seen.get(x);
    if (known) return known;
    const id = visit(x);
    seen.set(x, id);
    return id;
  };
  /** The operation of node `x`: its words, its operands and its value on the record. */
  const operation = (x: FormulaNode, name: Bilingual, dependencies: string[], value: GraphValue = cx.evaluate(x)): string =>
    put({ id: `operation:${++count}`, kind: 'operation', name, value, clause: cx.clause, dependencies });

  const visit = (x: FormulaNode): string => {
    const node = x as FormulaNode & Record<string, unknown>;
    switch (x.op) {
      case 'const':
        return operation(x, b(x.value, x.value), [], x.value);
      case 'field':
      case 'flag':
      case 'given': {
        const given = cx.record !== undefined && cx.record[x.name] !== undefined;
        const otherwise = x.op === 'field' && x.otherwise !== undefined ? [walk(x.otherwise)] : [];
        const input = put({
          id: `input:${x.name}`,
          kind: 'input',
          ...cx.words(x.name),
          value: cx.record === undefined ? null : cx.value(cx.record[x.name]),
          clause: cx.clause,
          dependencies: given ? [] : otherwise,
          ...(!given && otherwise.length > 0 && { defaulted: true }),
        });
        if (x.op !== 'given') return input;
        return operation(x, b(`是否给出 ${x.name}`, `whether ${x.name} is given`), [input], cx.record === undefined ? null : String(given));
      }
      case 'param': {
        const p = cx.parameter(x.path);
        return p ? put(p) : operation(x, b(`${x.path}(未设)`, `${x.path} (not set)`), [], null);
      }
      case 'year':
        return put({
          id: 'input:year',
          kind: 'input',
          name: b('年份', 'Year'),
          value: cx.year === undefined ? null : String(cx.year),
          unit: 'year',
          dependencies: [],
        });
      case 'daysFrom':
        return operation(x, b(`自 ${x.field} 至年底的天数`, `days from ${x.field} to the year's end`), [
          walk({ op: 'field', name: x.field }),
          walk({ op: 'year' }),
        ]);
      case 'rule':
      case 'ruleIs': {
        // The rule's node: what the policy's rule (its own or a document's) gives on these inputs, under its clause.
        const inputs = Object.values(x.input).map(walk);
        const readings = cx.ruleReadings(x).map((u) => ofReading(u.id, u.path, u.choice));
        const r = cx.rule(x.rule, x.output);
        const is = x.op === 'ruleIs' ? b(` = ${String(x.value)}`, ` = ${String(x.value)}`) : b('', '');
        return put({
          id: `rule:${x.rule}.${x.output}${x.op === 'ruleIs' ? `=${String(x.value)}` : ''}`,
          kind: 'operation',
          name: b(`${r.name.zh}${is.zh}(规则 ${x.rule})`, `${r.name.en}${is.en} (the rule ${x.rule})`),
          value: cx.evaluate(x),
          ...(r.unit !== undefined && x.op === 'rule' && { unit: r.unit }),
          clause: r.clause ?? cx.clause,
          dependencies: [...inputs, ...readings],
          rule: x.rule,
        });
      }
      case 'readingIs': {
        const r = ofReading(x.reading, x.path);
        return operation(x, b(`${x.reading} 取“${x.option}”`, `${x.reading} reads "${x.option}"`), [r]);
      }
      case 'div': {
        const operands = [walk(x.a), walk(x.b)];
        if (x.round === undefined) return operation(x, OP_WORDS.div!, operands);
        const places = x.places ? b(`，保留 ${x.places} 位小数`, `, to ${x.places} places`) : b('', '');
        if ('fixed' in x.round) {
          const w = ROUND_WORDS[x.round.fixed] ?? b(x.round.fixed, x.round.fixed);
          return operation(x, b(`相除 ÷，${w.zh}${places.zh}`, `quotient ÷, ${w.en}${places.en}`), operands);
        }
        const r = ofReading(x.round.reading, x.round.path);
        return operation(x, b(`相除 ÷，按 ${x.round.reading} 取整${places.zh}`, `quotient ÷, rounded as ${x.round.reading} reads${places.en}`), [
          ...operands,
          r,
        ]);
      }
      case 'reading': {
        const r = ofReading(x.reading, x.path);
        const cases = Object.entries(x.cases).map(([, v]) => walk(v));
        return operation(x, b(`按 ${x.reading} 选择公式`, `the formula ${x.reading} picks`), [r, ...cases]);
      }
      case 'readingIfSet': {
        const r = ofReading(x.reading, x.path, cx.parameter(x.path) ? x.set.option : x.unset.option);
        return operation(x, b(`按 ${x.reading} 选择公式`, `the formula ${x.reading} picks`), [r, walk(x.set.then), walk(x.unset.then)]);
      }
      default: {
        // Any other node: its operands in the order it holds them (a list, a node, or a table of cases).
        const operands: string[] = [];
        for (const v of Object.values(node)) {
          if (isNode(v)) operands.push(walk(v));
          else if (Array.isArray(v)) for (const t of v) if (isNode(t)) operands.push(walk(t));
        }
        return operation(x, OP_WORDS[x.op] ?? b(x.op, x.op), operands);
      }
    }
  };

  const clause = cx.clause;
  // A city check's finding of one kind among several (rooms or money, by the route): the condition that chose it.
  const chosen = applies === undefined ? [] : [walk(applies)];
  const pass = walk(formula.pass);
  const expected = walk(formula.expected);
  const actual = walk(formula.actual);
  const shortfall = roots.shortfall !== undefined ? walk(formula.shortfall) : undefined;
  const unit = roots.unit;
  const top: GraphNode[] = [
    { id: 'value:status', kind: 'value', name: b('结论', 'Verdict'), value: roots.status, clause, dependencies: [pass, ...chosen] },
    ...(shortfall !== undefined
      ? [
          {
            id: 'value:shortfall',
            kind: 'value',
            name: b('差额', 'Shortfall'),
            value: roots.shortfall!,
            ...(unit && { unit }),
            clause,
            dependencies: [shortfall],
          } as const,
        ]
      : []),
    { id: 'value:expected', kind: 'value', name: b('应达', 'Expected'), value: roots.expected, ...(unit && { unit }), clause, dependencies: [expected] },
    { id: 'value:actual', kind: 'value', name: b('实际', 'Actual'), value: roots.actual, ...(unit && { unit }), clause, dependencies: [actual] },
  ];
  return [...top, ...out.values()];
}
