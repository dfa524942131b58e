/**
 * A policy is a value: a list of provisions with the parameters they compute
 * with. `createPolicy` makes one from the city's document (or any list) with
 * other numbers or readings; `extendPolicy` lays another document over it —
 * provisions added, replaced or switched off, parameters set from a date —
 * and every result and finding the change touched cites that document.
 * (After OpenFisca's reforms and Publicodes' `remplace`.)
 */
import { b, type Bilingual } from './bilingual.js';
import { displayable } from './display.js';
import { PolicyInputError, issue, refused, type PolicyInputIssueInit } from './errors.js';
import { NINGGUO_2011, NINGGUO_2011_SOURCE } from './policies/ningguo-2011.js';
import { dayOf, parametersAsOf } from './policy/as-of.js';
import { allowedIssue, mergeOverrides, normalised, type OverridesOf } from './policy/overrides.js';
import { closest } from './policy/names.js';
import {
  asWritten,
  datedValueOn,
  declarationsOf,
  declarationsOfList,
  parametersOn,
  valueAtPath,
  type DeclaredParameter,
  type ExactValue,
  type ParamsOf,
} from './policy/parameters.js';
import type { DatedValue, ParameterDeclaration } from './provisions/declare.js';
import type { Citation, PolicyCore, Provision, RemovedProvision, RuleDef, Source } from './provisions/provision.js';
import { provisionIssues } from './provisions/validate.js';
import { Checker } from './rules/input.js';
import { step, type RuleResult } from './trace.js';
import { calendarDay } from './values.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** A list of provisions, as a policy carries it. */
export type ProvisionList = readonly Provision[];
/** A rule of a provision, bound to a policy's parameters: its input in, its result out. */
type Bound<R> = R extends RuleDef<infer F> ? (F extends (p: never, input: infer I) => infer O ? (input: I) => O : never) : never;
/** Every rule of a list, as the methods of its policy. */
export type RulesOf<Ps extends ProvisionList> = number extends Ps['length']
  ? unknown // a list whose provisions are not known one by one: no method is known by name
  : UnionToIntersection<{ [I in keyof Ps]: { readonly [K in keyof Ps[I]['rules']]: Bound<Ps[I]['rules'][K]> } }[number]>;
/** The parameters a list of provisions declares, as nested groups. */
export type ParametersOf<Ps extends ProvisionList> = number extends Ps['length'] ? object : ParamsOf<Ps[number]>;
/** The dotted path of every parameter a list declares (`'staffing.rounding'`). */
export type ParameterPath<Ps extends ProvisionList> = keyof UnionToIntersection<Ps[number]['parameters']> & string;
/** The ids of a list's provisions. */
export type ProvisionId<Ps extends ProvisionList> = Ps[number]['id'];

declare const LIST: unique symbol;
/**
 * A policy: its list of provisions with every rule as a method, computed with one parameter set. `Ps` is its list
 * (the city's document by default): the methods, their inputs and results, and the parameters are typed from it.
 */
export type Policy<Ps extends ProvisionList = typeof NINGGUO_2011> = PolicyCore &
  RulesOf<Ps> & {
    /** The parameters this policy computes with (its list's declared values, the overrides and the documents laid over it), deeply frozen. */
    readonly parameters: ParametersOf<Ps>;
    /** The list it was made from, for the types (never present at run time). */
    readonly [LIST]?: Ps;
  };
/** The name of a rule of the city's document (a method of its policy). */
export type RuleName = keyof RulesOf<typeof NINGGUO_2011> & string;
/** The input a rule of the city's document takes. */
export type RuleInputOf<K extends RuleName> = Parameters<Policy[K]>[0];
/** The result a rule of the city's document gives. */
export type RuleResultOf<K extends RuleName> = ReturnType<Policy[K]>;
/** Overrides of the parameters of a list (the city's document by default): any subset; fractions as numbers or decimal strings. */
export type ParameterOverrides<Ps extends ProvisionList = typeof NINGGUO_2011> = OverridesOf<ParametersOf<Ps>>;

/** Options of {@link createPolicy}. */
export interface PolicyOptions<Ps extends ProvisionList = typeof NINGGUO_2011> {
  /** The day whose declared values the policy computes with (a parameter may be amended from a date). */
  readonly on?: string | Date;
  /** The provisions, in document order (default: the city's document, `NINGGUO_2011`). */
  readonly provisions?: Ps;
  /** The document they come from (default: the city's, when the list is the city's; required for another list). */
  readonly source?: Source;
}

/** What a policy is made of, kept on it (not enumerable) so that a document can be laid over it. */
interface Composition {
  readonly provisions: readonly Provision[];
  readonly removed: readonly RemovedProvision[];
  readonly sources: readonly Source[];
  readonly overrides: unknown;
  readonly on: string | undefined;
}

/**
 * The mark of a policy this library made, and what it is made of: a look-alike object is refused, never
 * half-used. A registered symbol, not a WeakMap, because the CommonJS build bundles each entry apart and a policy
 * made by one is used by another.
 */
const MADE = /* @__PURE__ */ Symbol.for('shequ-rules.policy');

/**
 * A policy with every rule of its list as a method, computed with the list's declared values deep-merged with
 * `overrides`. Overrides are validated first; neither they nor the list nor any other policy is changed.
 *
 * @param overrides - any subset of the parameters, e.g. `{ staffing: { rounding: 'floor' } }`; fractions as numbers or decimal strings
 * @param options - `on`: the day (ISO `'YYYY-MM-DD'` or a Date) whose values the policy computes with, when a parameter is amended from a date (default: each parameter's first value, the policy as written); `provisions` and `source`: another list than the city's document
 * @returns a frozen {@link Policy}
 * @throws {@link PolicyInputError} for an unknown key, a value of the wrong kind, or one out of range
 * @example
 * ```ts
 * createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: 601 }).staff; //=> 1
 * createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000 }).route; //=> 'funds'
 * createPolicy({}, { on: '2013-06-30' }).requiredStaff({ households: 601 }).staff; //=> 2
 * createPolicy().provisions.length; //=> 8
 * ```
 */
export function createPolicy(overrides?: ParameterOverrides, options?: PolicyOptions): Policy;
export function createPolicy<const Ps extends ProvisionList>(
  overrides: ParameterOverrides<Ps> | undefined,
  options: PolicyOptions<Ps> & { readonly provisions: Ps; readonly source: Source },
): Policy<Ps>;
export function createPolicy(overrides?: unknown, options?: PolicyOptions<ProvisionList>): PolicyCore {
  let on: string | undefined;
  let provisions: readonly Provision[] = NINGGUO_2011;
  let source = NINGGUO_2011_SOURCE;
  if (options !== undefined) {
    const c = new Checker('createPolicy');
    const o = c.object(options, ['on', 'provisions', 'source']);
    c.done();
    if (o.on !== undefined) on = dayOf(o.on, 'createPolicy');
    if (o.provisions !== undefined) {
      provisions = checkList(o.provisions, 'provisions', 'createPolicy');
      if (o.source === undefined && provisions !== NINGGUO_2011) {
        throw new PolicyInputError([issue('source', 'missing-field', { expected: SOURCE_WORDS, received: b('未给出', 'nothing') })], 'createPolicy');
      }
    }
    if (o.source !== undefined) source = checkSource(o.source, 'source', 'createPolicy');
  }
  return build({ provisions, removed: [], sources: [source], overrides, on });
}

/** One change of a parameter a document makes: its value, from a day (to a day), at the document's clause. */
export interface ParameterChange {
  readonly value: ExactValue;
  /** ISO day from which it applies (absent: from the start, replacing the policy's own values). */
  readonly from?: string;
  /** ISO day of the last day it applies (then what held before holds again). */
  readonly to?: string;
  /** The document's clause or article that sets it. */
  readonly clause?: string;
}

/** A provision's rules or checks replaced one by one (a rule by its name, a check by the id of its finding). */
export interface ProvisionPatch {
  readonly rules?: Readonly<Record<string, RuleDef>>;
  readonly checks?: Provision['checks'];
  /** Words of the findings of the new checks, by finding id. */
  readonly findings?: Provision['findings'];
  /** The document's clause that makes the change. */
  readonly clause?: string;
}

/** What {@link extendPolicy} lays over a policy. */
export interface PolicyChanges<Ps extends ProvisionList, A extends ProvisionList> {
  /** The document that makes the changes: every result and finding they touch cites it. */
  readonly source: Source;
  /** Provisions of its own, appended to the list (their rules, checks, parameters and readings with them). */
  readonly add?: A;
  /** Provisions replaced, by id: by a whole provision of the document's, or rule by rule and check by check. */
  readonly replace?: { readonly [Id in ProvisionId<Ps>]?: Provision | ProvisionPatch };
  /** Provisions switched off, by id (with the reason, or the document's name as the reason): their findings are then not evaluated, with it. */
  readonly remove?: readonly ProvisionId<Ps>[] | { readonly [Id in ProvisionId<Ps>]?: Bilingual | string };
  /** Parameters set, by dotted path: a value from the start, or dated values each with the document's clause. */
  readonly parameters?: { readonly [P in ParameterPath<[...Ps, ...A]>]?: ExactValue | ParameterChange | readonly ParameterChange[] };
}

const SOURCE_WORDS = b('一份文件的说明 { id, body, title, number?, date?, url?, status? }', 'a document { id, body, title, number?, date?, url?, status? }');

/**
 * A new policy: `base` with another document laid over it. Provisions may be added, replaced (whole, or rule by
 * rule and check by check) or switched off (their findings are then "not evaluated", with the reason), and
 * parameters set, each from a day if need be; the base is not changed, and an extended policy can be extended
 * again. Every result, finding and parameter the document touched cites it (`cites`), and the policy lists it in
 * `sources`.
 *
 * @param base - a policy from {@link createPolicy} or {@link extendPolicy}
 * @param changes - `source` (who says so), and any of `add`, `replace`, `remove`, `parameters`
 * @returns a frozen {@link Policy} of the base's list and the added provisions
 * @throws {@link PolicyInputError} for an unknown provision or parameter, a value it does not allow, an id or rule name used twice, or a rule replaced while a check that shares its arithmetic is kept
 * @example
 * ```ts
 * const amended = extendPolicy(createPolicy(), {
 *   source: { id: 'amendment-2015', body: { zh: '某市', en: 'a city' }, title: { zh: '补充通知', en: 'Supplementary notice' }, date: '2015-01-01' },
 *   parameters: { 'staffing.householdsPerWorker': { value: 500, clause: '第二条' } },
 * });
 * amended.requiredStaff({ households: 3000 }).staff; //=> 6
 * amended.requiredStaff({ households: 3000 }).cites; //=> [{ source: 'amendment-2015', clause: '第二条' }]
 * ```
 */
export function extendPolicy<const Ps extends ProvisionList, const A extends ProvisionList = []>(
  base: Policy<Ps>,
  changes: PolicyChanges<Ps, A>,
): Policy<[...Ps, ...A]> {
  const from = compositionOf(base, 'extendPolicy');
  const c = new Checker('extendPolicy');
  const o = c.object(changes, ['source', 'add', 'replace', 'remove', 'parameters']);
  c.done();
  if (o.source === undefined) {
    throw new PolicyInputError([issue('source', 'missing-field', { expected: SOURCE_WORDS, received: b('未给出', 'nothing') })], 'extendPolicy');
  }
  const source = checkSource(o.source, 'source', 'extendPolicy');
  if (from.sources.some((s) => s.id === source.id)) {
    throw new PolicyInputError(
      [refused('source.id', 'duplicate-id', b('该政策尚未用过的文件编号', 'a document id the policy does not have yet'), source.id)],
      'extendPolicy',
    );
  }
  const cite = (clause?: string): Citation => (clause === undefined ? { source: source.id } : { source: source.id, clause });
  const issues: PolicyInputIssueInit[] = [];
  let list = [...from.provisions];
  const removed = [...from.removed];
  const idIssue = (path: string, id: unknown) =>
    issue(path, 'unknown-name', {
      expected: b(`该政策的一项条款(${list.map((p) => p.id).join('、')})`, `a provision of the policy (${list.map((p) => p.id).join(', ')})`),
      received: { en: JSON.stringify(id), zh: JSON.stringify(id) },
      ...hint(String(id), list),
    });

  // Switched off: out of the list, into `removed` with the reason.
  if (o.remove !== undefined) {
    let entries: [string, unknown][] = [];
    if (Array.isArray(o.remove)) entries = (o.remove as unknown[]).map((id) => [String(id), undefined]);
    else if (isRecord(o.remove)) entries = Object.entries(o.remove);
    else issues.push(refused('remove', 'not-a-list', b('条款编号的列表，或 { 编号: 理由 }', 'a list of provision ids, or { id: reason }'), o.remove));
    for (const [id, why] of entries) {
      const at = list.findIndex((p) => p.id === id);
      if (at < 0) {
        issues.push(idIssue(`remove.${id}`, id));
        continue;
      }
      const p = list[at]!;
      const reason = typeof why === 'string' ? b(why, why) : isWords(why) ? why : b(`由《${source.title.zh}》停用`, `switched off by ${source.title.en}`);
      removed.push({ id: p.id, clause: p.clause, findings: p.checks.map((x) => x.provision), rules: Object.keys(p.rules), reason, cites: [cite()] });
      list.splice(at, 1);
    }
  }

  // Replaced: in place, whole or piece by piece.
  if (o.replace !== undefined) {
    if (!isRecord(o.replace))
      issues.push(refused('replace', 'not-an-object', b('{ 条款编号: 条款或其部分 }', '{ provision id: a provision or its parts }'), o.replace));
    else
      for (const [id, by] of Object.entries(o.replace)) {
        const at = list.findIndex((p) => p.id === id);
        if (at < 0) {
          issues.push(idIssue(`replace.${id}`, id));
          continue;
        }
        const old = list[at]!;
        if (isRecord(by) && 'id' in by) {
          const p = checkProvision(by, `replace.${id}`, issues);
          if (p) list[at] = withCites(p, [cite()]);
        } else if (isRecord(by)) {
          const patched = patch(old, by as ProvisionPatch, `replace.${id}`, issues);
          if (patched) list[at] = withCites(patched, [cite((by as ProvisionPatch).clause)]);
        } else
          issues.push(
            refused(`replace.${id}`, 'not-an-object', b('一项条款，或 { rules?, checks?, findings? }', 'a provision, or { rules?, checks?, findings? }'), by),
          );
      }
  }

  // Added: at the end of the list, citing the document.
  if (o.add !== undefined) {
    if (!Array.isArray(o.add)) issues.push(refused('add', 'not-a-list', b('条款的列表', 'a list of provisions'), o.add));
    else
      (o.add as unknown[]).forEach((p, i) => {
        const checked = checkProvision(p, `add[${i}]`, issues);
        if (checked) list.push(withCites(checked, [cite()]));
      });
  }

  // Parameters: new declarations, the document's values with their dates and clause.
  let overrides = from.overrides;
  if (o.parameters !== undefined) {
    if (!isRecord(o.parameters)) issues.push(refused('parameters', 'not-an-object', b('{ 参数路径: 值 }', '{ parameter path: value }'), o.parameters));
    else {
      const declared = declarationsOf(list);
      for (const [path, given] of Object.entries(o.parameters)) {
        const d = declared.find((x) => x.path === path);
        if (d === undefined) {
          const guess = closest(
            path,
            declared.map((x) => x.path),
          );
          issues.push(
            issue(`parameters.${path}`, 'unknown-field', {
              expected: b('该政策的一个参数', 'a parameter of the policy'),
              received: { en: JSON.stringify(path), zh: JSON.stringify(path) },
              ...(guess && { note: b(`是否想写 "${guess}"？`, `did you mean "${guess}"?`) }),
            }),
          );
          continue;
        }
        const values = datedValues(d, given, `parameters.${path}`, cite, issues);
        if (values === undefined) continue;
        list = list.map((p) => (Object.hasOwn(p.parameters, path) ? redeclare(p, path, values) : p));
        overrides = withoutPath(overrides, path); // the later document's value holds
      }
    }
  }
  checkUnique(list, issues);
  if (issues.length) throw new PolicyInputError(issues, 'extendPolicy');
  return build({ provisions: list, removed, sources: [...from.sources, source], overrides, on: from.on }) as unknown as Policy<[...Ps, ...A]>;
}

/** A policy made of `c`: the parameters in force, every rule bound to them, the mark and the composition. */
function build(c: Composition): PolicyCore {
  const declared = declarationsOfList(c.provisions);
  const base = c.on === undefined ? asWritten(declared) : parametersOn(declared, c.on);
  const validators = c.provisions.flatMap((p) => (p.validate ? [p.validate] : []));
  const p = mergeOverrides(c.overrides, base, declared, validators);
  // Each provision with what cites it: the documents that added or replaced it, and those whose values it computes with.
  const provisions = c.provisions.map((prov) => {
    const dated = declared
      .filter((d) => Object.hasOwn(prov.parameters, d.path))
      .flatMap((d) => {
        const v = datedValueOn(d.values, c.on);
        return v?.cites && valueAtPath(p, d.path) === v.value ? [v.cites] : [];
      });
    const cites = dedupe([...(prov.cites ?? []), ...dated]);
    return cites.length ? Object.freeze({ ...prov, cites }) : prov;
  });
  const policy: Record<string, unknown> = {
    parameters: p,
    provisions: Object.freeze(provisions),
    removed: Object.freeze([...c.removed]),
    sources: Object.freeze([...c.sources]),
    on: c.on,
  };
  const sourceOf = new Map(c.sources.map((s) => [s.id, s]));
  for (const prov of provisions) {
    for (const [name, r] of Object.entries(prov.rules)) {
      const compute = r.compute as unknown as (p: object, input: unknown) => RuleResult;
      const cites = prov.cites;
      policy[name] = cites
        ? (input: unknown) => displayable(name, citing(compute(p, input), cites, sourceOf))
        : (input: unknown) => displayable(name, compute(p, input));
    }
  }
  // A switched-off provision's rules stay as methods that say why they are gone (never a silent undefined).
  for (const r of c.removed) {
    for (const name of r.rules) {
      if (Object.hasOwn(policy, name)) continue;
      policy[name] = () => {
        throw new PolicyInputError(
          [issue(name, 'unknown-name', { expected: b('该政策的规则', 'a rule of the policy'), received: b(name, name), note: r.reason })],
          name,
        );
      };
    }
  }
  policy.asOf = (date: string | Date) => parametersAsOf(p, date, declared, base);
  Object.defineProperty(policy, MADE, { value: Object.freeze({ ...c, provisions }) }); // not enumerable: a spread copy is not a policy
  return Object.freeze(policy) as unknown as PolicyCore;
}

/** A result with the documents that changed it: `cites`, and a last trace step saying so. */
function citing(r: RuleResult, cites: readonly Citation[], sources: ReadonlyMap<string, Source>): RuleResult {
  const named = cites.map((x) => {
    const s = sources.get(x.source);
    const title = s ? s.title : b(x.source, x.source);
    return b(`《${title.zh}》${x.clause ? ` ${x.clause}` : ''}`, `${title.en}${x.clause ? `, ${x.clause}` : ''}`);
  });
  const zh = named.map((n) => n.zh).join('、');
  const en = named.map((n) => n.en).join('; ');
  return { ...r, trace: [...r.trace, step(`依据 ${zh}`, `Per ${en}`)], cites };
}

function dedupe(cites: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return cites.filter((x) => {
    const key = `${x.source}\u0000${x.clause ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const withCites = (p: Provision, cites: readonly Citation[]): Provision => Object.freeze({ ...p, cites: dedupe([...(p.cites ?? []), ...cites]) });

/** A provision with one parameter's values replaced by a document's. */
function redeclare(p: Provision, path: string, values: readonly DatedValue[]): Provision {
  const d = p.parameters[path]!;
  const next: ParameterDeclaration = { ...d, values };
  return Object.freeze({ ...p, parameters: Object.freeze({ ...p.parameters, [path]: next }) });
}

/** The dated values a document gives a parameter: checked against what the declaration allows. */
function datedValues(
  d: DeclaredParameter,
  given: unknown,
  path: string,
  cite: (clause?: string) => Citation,
  issues: PolicyInputIssueInit[],
): DatedValue[] | undefined {
  const changes: unknown[] = Array.isArray(given) ? given : [given];
  const out: DatedValue[] = [];
  let ok = true;
  changes.forEach((ch, i) => {
    const at = Array.isArray(given) ? `${path}[${i}]` : path;
    const change = isRecord(ch) && 'value' in ch ? (ch as Record<string, unknown>) : { value: ch };
    const extra = Object.keys(change).filter((k) => !['value', 'from', 'to', 'clause'].includes(k));
    for (const k of extra)
      issues.push(issue(`${at}.${k}`, 'unknown-field', { expected: b('value、from、to、clause', 'value, from, to, clause'), received: b(k, k) }));
    const bad = allowedIssue(`${at}.value`, d.allowed, change.value);
    const days = (['from', 'to'] as const).filter((k) => change[k] !== undefined && !(typeof change[k] === 'string' && calendarDay(change[k] as string)));
    for (const k of days) issues.push(refused(`${at}.${k}`, 'not-a-date', b('ISO 日期 YYYY-MM-DD', 'an ISO date YYYY-MM-DD'), change[k]));
    if (typeof change.to === 'string' && typeof change.from === 'string' && change.to < change.from) {
      issues.push(refused(`${at}.to`, 'out-of-range', b(`不早于 from(${change.from})的日期`, `a day on or after from (${change.from})`), change.to));
      ok = false;
    }
    if (change.to !== undefined && change.from === undefined) {
      issues.push(
        issue(`${at}.from`, 'missing-field', { expected: b('有 to 时须给出 from', 'a from day, since a to day is given'), received: b('未给出', 'nothing') }),
      );
      ok = false;
    }
    if (change.clause !== undefined && typeof change.clause !== 'string') issues.push(refused(`${at}.clause`, 'not-text', b('文字', 'text'), change.clause));
    if (bad) issues.push(bad);
    if (bad || extra.length || days.length) ok = false;
    else
      out.push({
        value: normalised(change.value) as ExactValue,
        ...(change.from !== undefined && { from: change.from as string }),
        ...(change.to !== undefined && { to: change.to as string }),
        cites: cite(change.clause as string | undefined),
      });
  });
  if (!ok) return undefined;
  // An undated value replaces the policy's own values; dated ones are laid over them.
  return out.some((v) => v.from === undefined) ? out : [...d.values, ...out];
}

/** A provision's rules and checks replaced one by one. */
function patch(old: Provision, by: ProvisionPatch, at: string, issues: PolicyInputIssueInit[]): Provision | undefined {
  const extra = Object.keys(by).filter((k) => !['rules', 'checks', 'findings', 'clause'].includes(k));
  for (const k of extra)
    issues.push(issue(`${at}.${k}`, 'unknown-field', { expected: b('rules、checks、findings、clause', 'rules, checks, findings, clause'), received: b(k, k) }));
  const rules = { ...old.rules };
  for (const [name, r] of Object.entries(by.rules ?? {})) {
    if (!Object.hasOwn(old.rules, name)) {
      issues.push(
        issue(`${at}.rules.${name}`, 'unknown-name', {
          expected: b(`该条款的规则(${Object.keys(old.rules).join('、')})`, `a rule of the provision (${Object.keys(old.rules).join(', ')})`),
          received: b(name, name),
        }),
      );
      continue;
    }
    if (!isRecord(r) || typeof r.compute !== 'function') {
      issues.push(refused(`${at}.rules.${name}`, 'not-an-object', b('rule(compute, about) 所作的规则', 'a rule made by rule(compute, about)'), r));
      continue;
    }
    rules[name] = r;
  }
  const checks = [...old.checks];
  for (const [i, ch] of (by.checks ?? []).entries()) {
    const j = checks.findIndex((x) => x.provision === ch.provision);
    if (j < 0) {
      issues.push(
        issue(`${at}.checks[${i}]`, 'unknown-name', {
          expected: b(`该条款的检查(${checks.map((x) => x.provision).join('、')})`, `a check of the provision (${checks.map((x) => x.provision).join(', ')})`),
          received: b(String(ch.provision), String(ch.provision)),
        }),
      );
      continue;
    }
    checks[j] = ch;
  }
  // A check that shares a replaced rule's arithmetic would go on computing the old rule: the document must replace it too.
  for (const ch of checks) {
    if (ch.scope !== 'community' || by.checks?.includes(ch)) continue;
    for (const name of ch.uses ?? []) {
      if (by.rules && Object.hasOwn(by.rules, name)) {
        issues.push(
          issue(`${at}.rules.${name}`, 'invalid', {
            expected: b(`同时替换使用该规则的检查 ${ch.provision}`, `the check ${ch.provision}, which shares the rule's arithmetic, replaced too`),
            received: b(`只替换了规则 ${name}`, `only the rule ${name}`),
          }),
        );
      }
    }
  }
  return Object.freeze({ ...old, rules, checks, findings: { ...old.findings, ...(by.findings ?? {}) } });
}

/** A provision given by a user, checked as `defineProvision` checks one (its issues added to `issues`). */
function checkProvision(p: unknown, at: string, issues: PolicyInputIssueInit[]): Provision | undefined {
  const found = provisionIssues(p, at);
  issues.push(...found);
  return found.length ? undefined : (p as Provision);
}

/** Ids, rule names, finding ids and reading ids: each once in a policy. */
function checkUnique(list: readonly Provision[], issues: PolicyInputIssueInit[]): void {
  const seen = (what: Bilingual, pick: (p: Provision) => readonly string[]) => {
    const all = new Set<string>();
    for (const p of list)
      for (const id of pick(p)) {
        if (all.has(id)) issues.push(refused(id, 'duplicate-id', b(`政策中唯一的${what.zh}`, `a ${what.en} used once in the policy`), id));
        all.add(id);
      }
  };
  seen(b('条款编号', 'provision id'), (p) => [p.id]);
  seen(b('规则名', 'rule name'), (p) => Object.keys(p.rules));
  seen(b('结果编号', 'finding id'), (p) => p.checks.map((c) => c.provision));
  seen(b('口径编号', 'reading id'), (p) => p.readings.map((r) => r.id));
  seen(b('参数', 'parameter'), (p) => Object.keys(p.parameters));
}

/** A list of provisions given to createPolicy: checked as extendPolicy checks an added one. */
function checkList(list: unknown, at: string, fn: string): readonly Provision[] {
  if (list === NINGGUO_2011) return NINGGUO_2011;
  const issues: PolicyInputIssueInit[] = [];
  if (!Array.isArray(list)) issues.push(refused(at, 'not-a-list', b('条款的列表', 'a list of provisions'), list));
  const out = Array.isArray(list) ? list.flatMap((p, i) => checkProvision(p, `${at}[${i}]`, issues) ?? []) : [];
  checkUnique(out, issues);
  if (issues.length) throw new PolicyInputError(issues, fn);
  return Object.freeze(out);
}

/** A document's description: an id, who issued it and its title; the rest as given. */
function checkSource(s: unknown, at: string, fn: string): Source {
  const issues: PolicyInputIssueInit[] = [];
  if (!isRecord(s)) throw new PolicyInputError([refused(at, 'not-an-object', SOURCE_WORDS, s)], fn);
  const allowed = ['id', 'body', 'title', 'short', 'number', 'date', 'url', 'status', 'note'];
  for (const k of Object.keys(s))
    if (!allowed.includes(k)) issues.push(issue(`${at}.${k}`, 'unknown-field', { expected: b(allowed.join('、'), allowed.join(', ')), received: b(k, k) }));
  if (!(typeof s.id === 'string' && /^[A-Za-z0-9][\w.-]{0,63}$/.test(s.id)))
    issues.push(refused(`${at}.id`, 'not-an-id', b('字母数字开头、至多 64 个字符的编号', 'an id of letters, digits, . _ -, at most 64 characters'), s.id));
  for (const k of ['body', 'title'] as const)
    if (!isWords(s[k])) issues.push(refused(`${at}.${k}`, 'not-text', b('{ zh, en } 两种语言的文字', 'text in both languages { zh, en }'), s[k]));
  for (const k of ['number', 'date', 'url'] as const)
    if (s[k] !== undefined && typeof s[k] !== 'string') issues.push(refused(`${at}.${k}`, 'not-text', b('文字', 'text'), s[k]));
  if (s.status !== undefined && !['verified', 'derivative', 'unverified'].includes(s.status as string)) {
    issues.push(refused(`${at}.status`, 'not-an-option', b("'verified'、'derivative' 或 'unverified'", "'verified', 'derivative' or 'unverified'"), s.status));
  }
  for (const k of ['short', 'note'] as const)
    if (s[k] !== undefined && !isWords(s[k])) issues.push(refused(`${at}.${k}`, 'not-text', b('{ zh, en }', '{ zh, en }'), s[k]));
  if (issues.length) throw new PolicyInputError(issues, fn);
  return Object.freeze({ ...(s as unknown as Source) });
}

function withoutPath(overrides: unknown, path: string): unknown {
  if (!isRecord(overrides)) return overrides;
  const [group, leaf] = path.split('.') as [string, string | undefined];
  if (!Object.hasOwn(overrides, group)) return overrides;
  const copy: Record<string, unknown> = { ...overrides };
  if (leaf === undefined || !isRecord(copy[group])) delete copy[group];
  else {
    const inner = { ...(copy[group] as Record<string, unknown>) };
    delete inner[leaf];
    copy[group] = inner;
  }
  return copy;
}

const hint = (id: string, list: readonly Provision[]) => {
  const guess = closest(
    id,
    list.map((p) => p.id),
  );
  return guess ? { note: b(`是否想写 "${guess}"？`, `did you mean "${guess}"?`) } : {};
};
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWords = (v: unknown): v is Bilingual => isRecord(v) && typeof v.zh === 'string' && typeof v.en === 'string';

/** Whether `value` is a policy made by {@link createPolicy} or {@link extendPolicy}. @internal */
export const isPolicy = (value: unknown): value is Policy<ProvisionList> =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MADE] !== undefined;

/** What a policy is made of, or a PolicyInputError for `context`. */
function compositionOf(policy: unknown, context: string): Composition {
  if (isPolicy(policy)) return (policy as unknown as Record<symbol, Composition>)[MADE]!;
  throw new PolicyInputError(
    // (extendPolicy's policies are made by createPolicy's machinery: the words name the one a reader meets first)
    [refused('policy', 'not-a-policy', { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, policy)],
    context,
  );
}

/**
 * `policy` when it is a policy this library made, the policy as written when it is undefined; otherwise a
 * PolicyInputError for `context`.
 * @internal
 */
export function checkPolicy(policy: unknown, context: string): Policy<ProvisionList> {
  if (policy === undefined) return createPolicy() as unknown as Policy<ProvisionList>;
  compositionOf(policy, context);
  return policy as Policy<ProvisionList>;
}

/**
 * Validate `overrides` and merge them onto the city's parameters as written. Returns a new deeply frozen
 * parameter set.
 *
 * @param overrides - any subset of the parameters
 * @returns the merged parameters
 * @throws {@link PolicyInputError} for an unknown key, a value of the wrong kind or out of range
 * @example
 * ```ts
 * resolveParameters({ staffing: { householdsPerWorker: 500 } }).staffing;
 * //=> { householdsPerWorker: 500, rounding: 'ceil' }
 * ```
 */
export function resolveParameters(overrides?: ParameterOverrides): ParametersOf<typeof NINGGUO_2011> {
  return createPolicy(overrides).parameters;
}
