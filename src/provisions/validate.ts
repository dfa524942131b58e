/**
 * What a provision must be, checked: a user's provision (`defineProvision`,
 * `extendPolicy`'s `add` and `replace`, `createPolicy`'s `provisions`) is
 * refused with every problem named, never accepted to fail later inside the
 * evaluation.
 */
import { b, type Bilingual } from '../bilingual.js';
import { PolicyInputError, issue, refused, type PolicyInputIssueInit } from '../errors.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWords = (v: unknown): v is Bilingual => isRecord(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const isText = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isTexts = (v: unknown) => Array.isArray(v) && v.every(isText);
const isFunction = (v: unknown) => typeof v === 'function';
const ALLOWED = ['year', 'horizon', 'positive-count', 'share', 'positive-share', 'positive', 'non-negative'];
const isAllowed = (v: unknown) =>
  (typeof v === 'string' && ALLOWED.includes(v)) || (isRecord(v) && Array.isArray(v.options) && v.options.length > 0 && v.options.every(isText));
const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isExact = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) || isText(v);
const INPUT_KINDS = ['count', 'year', 'amount', 'date'];

/** Every problem of a provision given as `p` at `at` (its path in the call). @internal */
export function provisionIssues(p: unknown, at: string): PolicyInputIssueInit[] {
  const issues: PolicyInputIssueInit[] = [];
  if (!isRecord(p)) return [refused(at, 'not-an-object', b('defineProvision(...) 所作的条款', 'a provision made by defineProvision(...)'), p)];
  const bad = (path: string, what: Bilingual, value: unknown) =>
    issues.push(
      value === undefined ? issue(path, 'missing-field', { expected: what, received: b('未给出', 'nothing') }) : refused(path, 'invalid', what, value),
    );
  const need = (k: string, ok: (v: unknown) => boolean, what: Bilingual) => {
    if (!ok(p[k])) bad(`${at}.${k}`, what, p[k]);
    return ok(p[k]);
  };
  const known = ['id', 'clause', 'parameters', 'reads', 'quantities', 'readings', 'rules', 'checks', 'findings', 'validate', 'cites'];
  for (const k of Object.keys(p))
    if (!known.includes(k)) issues.push(issue(`${at}.${k}`, 'unknown-field', { expected: b(known.join('、'), known.join(', ')), received: b(k, k) }));
  need('id', isText, b('非空的编号(至多 200 个字符)', 'a non-empty id (at most 200 characters)'));
  need('clause', isText, b('条文编号', 'a clause id'));
  need('quantities', isTexts, b('编号的列表', 'a list of ids'));
  if (p.validate !== undefined) need('validate', isFunction, b('函数 (parameters) => issues', 'a function (parameters) => issues'));
  if (p.reads !== undefined) need('reads', (v) => isRecord(v) && Object.values(v).every(isTexts), b('{ 参数路径: [编号] }', '{ parameter path: [ids] }'));
  if (need('parameters', isRecord, b('参数声明的对象', 'an object of parameter declarations'))) {
    for (const [path, d] of Object.entries(p.parameters as Record<string, unknown>)) {
      const here = `${at}.parameters.${path}`;
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(path)) bad(here, b('参数路径，如 group.name', 'a parameter path such as group.name'), path);
      if (!isRecord(d)) {
        bad(here, b('参数声明 { unit, serves, allowed, values }', 'a declaration { unit, serves, allowed, values }'), d);
        continue;
      }
      if (!isText(d.unit)) bad(`${here}.unit`, b('单位', 'a unit'), d.unit);
      if (!isTexts(d.serves)) bad(`${here}.serves`, b('编号的列表', 'a list of ids'), d.serves);
      if (!isAllowed(d.allowed))
        bad(`${here}.allowed`, b(`${ALLOWED.join('、')} 或 { options: [...] }`, `${ALLOWED.join(', ')} or { options: [...] }`), d.allowed);
      const values = d.values;
      if (
        !Array.isArray(values) ||
        !values.every((v) => isRecord(v) && isExact(v.value) && (v.from === undefined || isDay(v.from)) && (v.to === undefined || isDay(v.to)))
      ) {
        bad(`${here}.values`, b('[{ value, from? }] 的列表', 'a list of [{ value, from? }]'), values);
      }
      if (d.clause !== undefined && !isText(d.clause)) bad(`${here}.clause`, b('条文编号', 'a clause id'), d.clause);
      if (d.startsWith !== undefined && !isText(d.startsWith)) bad(`${here}.startsWith`, b('参数路径', 'a parameter path'), d.startsWith);
    }
  }
  if (need('readings', Array.isArray, b('口径的列表', 'a list of readings'))) {
    (p.readings as unknown[]).forEach((r, i) => {
      const here = `${at}.readings[${i}]`;
      const ok =
        isRecord(r) &&
        isText(r.id) &&
        isText(r.clause) &&
        isTexts(r.quantities) &&
        isWords(r.question) &&
        isWords(r.why) &&
        (r.parameter === null || isText(r.parameter)) &&
        (r.optionKind === 'enum' || r.optionKind === 'value') &&
        Array.isArray(r.options) &&
        r.options.every((o) => isRecord(o) && isText(o.id) && isWords(o.formula)) &&
        isText(r.default);
      if (!ok)
        bad(
          here,
          b(
            '口径 { id, clause, quantities, question, parameter, optionKind, options, default, why }',
            'a reading { id, clause, quantities, question, parameter, optionKind, options, default, why }',
          ),
          r,
        );
    });
  }
  if (need('rules', isRecord, b('规则的对象', 'an object of rules'))) {
    for (const [name, r] of Object.entries(p.rules as Record<string, unknown>)) {
      const here = `${at}.rules.${name}`;
      const a = isRecord(r) ? r.about : undefined;
      const ok =
        isRecord(r) &&
        isFunction(r.compute) &&
        isRecord(a) &&
        Array.isArray(a.fields) &&
        a.fields.every((f) => isRecord(f) && isText(f.name) && INPUT_KINDS.includes(f.kind as string) && typeof f.required === 'boolean') &&
        isRecord(a.example) &&
        typeof a.schedule === 'boolean' &&
        (a.command === undefined || isText(a.command));
      if (!ok) bad(here, b('rule(compute, { fields, example, schedule }) 所作的规则', 'a rule made by rule(compute, { fields, example, schedule })'), r);
    }
  }
  const findings = need('findings', isRecord, b('结果说明的对象', 'an object of finding words')) ? (p.findings as Record<string, unknown>) : undefined;
  if (findings) {
    for (const [id, f] of Object.entries(findings)) {
      if (!(isRecord(f) && isWords(f.name) && (f.unit === undefined || isText(f.unit)) && (f.owed === undefined || isText(f.owed)))) {
        bad(`${at}.findings.${id}`, b('{ name: { zh, en }, unit?, owed? }', '{ name: { zh, en }, unit?, owed? }'), f);
      }
    }
  }
  if (need('checks', Array.isArray, b('检查的列表', 'a list of checks'))) {
    (p.checks as unknown[]).forEach((c, i) => {
      const here = `${at}.checks[${i}]`;
      const base = isRecord(c) && isText(c.provision) && isText(c.clause);
      const ok =
        base &&
        ((c.scope === 'community' &&
          typeof c.rural === 'boolean' &&
          [c.compile, c.status, c.detail, c.message].every(isFunction) &&
          (c.exact === undefined || isFunction(c.exact)) &&
          (c.quick === undefined || isFunction(c.quick)) &&
          (c.owedScale === undefined || (Number.isSafeInteger(c.owedScale) && (c.owedScale as number) > 0))) ||
          (c.scope === 'city' && isFunction(c.findings) && (c.due === undefined || isFunction(c.due))) ||
          ((c.scope === 'standing' || c.scope === 'aggregate') && isFunction(c.judge) && (c.applies === undefined || isFunction(c.applies))));
      if (!ok) {
        bad(
          here,
          b(
            '检查：{ scope: community, provision, clause, rural, compile, status, detail, message } 或 city(findings)、standing(judge) 或 aggregate(judge)',
            'a check: { scope: community, provision, clause, rural, compile, status, detail, message }, or city (findings), standing (judge) or aggregate (judge)',
          ),
          c,
        );
      } else if (findings && !Object.hasOwn(findings, c.provision as string)) {
        issues.push(
          issue(`${at}.findings.${c.provision as string}`, 'missing-field', {
            expected: b(`检查 ${c.provision as string} 的结果名称和单位`, `the name and unit of the finding of check ${c.provision as string}`),
            received: b('未给出', 'nothing'),
          }),
        );
      }
    });
  }
  return issues;
}

/** `list` when it is a list of provisions, else a PolicyInputError for `fn` naming every problem. @internal */
export function checkList(list: unknown, fn: string, at = 'provisions'): void {
  const issues = Array.isArray(list)
    ? list.flatMap((p, i) => provisionIssues(p, `${at}[${i}]`))
    : [refused(at, 'not-a-list', b('条款的列表', 'a list of provisions'), list)];
  if (issues.length) throw new PolicyInputError(issues, fn);
}
