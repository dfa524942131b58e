/**
 * A.4.3's developers' rooms held against each development project, declared
 * as a formula over the project's record `{ floorAreaM2, residents,
 * households, pricePerM2, roomAreaProvidedM2, fundsPaid }`: by the route the
 * policy's rule `developerObligation` gives (I5), rooms handed over against
 * the area due (Q11) or room money paid against the money due (Q12), each
 * value from the rule, so a document replacing it is followed. A dataset
 * that does not list projects says nothing of them, which is not "none":
 * not evaluated, with the reason.
 */
import type { Decimal } from 'decimal.js';
import { checkFormula, field, ge, not, ruleIs, ruleValue } from '../../formula/build.js';
import { cityFormulaCheck } from '../../formula/city.js';
import { b, yuan } from '../../rules/check.js';
import type { Check } from '../provision.js';

const RULE = 'developerObligation';
/** The rule's input from the project: the floor area, and the population and price where the project gives them. */
const input = { floorAreaM2: field('floorAreaM2'), residents: field('residents'), households: field('households'), pricePerM2: field('pricePerM2') };
const optional = ['residents', 'households', 'pricePerM2'];
const of = (output: string) => ruleValue(RULE, output, input, optional);
const inKind = ruleIs(RULE, 'route', 'in-kind', input, optional);
const rooms = of('roomAreaM2');
const money = of('amount');
const fundsArea = of('fundsAreaM2');
const provided = field('roomAreaProvidedM2');
const paid = field('fundsPaid');

const developers = cityFormulaCheck({
  provision: 'Q11/Q12',
  clause: 'A.4.3',
  noSql: b(
    '每个开发项目一条结论，来自项目列表，不是社区表的一行：没有 SQL',
    'One finding per development project, from the list of projects, not a row of the communities table: no SQL',
  ),
  notCarried: { subject: 'projects', reason: b('输入是社区列表，不含开发项目', 'The input is a table of communities: it carries no development projects') },
  unlisted: (d) =>
    d.developerProjects !== undefined
      ? undefined
      : {
          subject: 'projects',
          reason: b('数据未列出开发项目(没有项目请写空列表 [])', 'The data lists no development projects (write an empty list [] when there are none)'),
        },
  subjects: (d) => (d.developerProjects ?? []).map((p) => ({ subject: p.id, record: p as unknown as Readonly<Record<string, unknown>> })),
  formula: {
    findings: [
      {
        provision: 'Q11',
        applies: inKind,
        formula: checkFormula({ pass: ge(provided, rooms), expected: rooms, actual: provided, kind: 'amount' }),
        message(r, v) {
          if (v.status !== 'unknown') return b(`应配建 ${v.expected} m²，已提供 ${v.actual} m²`, `Rooms due ${v.expected} m², provided ${v.actual} m²`);
          const sized = v.expected !== null;
          return b(
            `${r.floorAreaM2} m² 的项目应配建用房；${sized ? `应配 ${v.expected} m²，未给出已提供面积` : '未给出居民人数，无法算出面积'}`,
            `A ${r.floorAreaM2} m² project owes rooms in kind; ${sized ? `${v.expected} m² due, none reported provided` : 'no population given to size them'}`,
          );
        },
      },
      {
        provision: 'Q12',
        applies: not(inKind),
        formula: checkFormula({ pass: ge(paid, money), expected: money, actual: paid, kind: 'amount' }),
        areaEquivalentM2: fundsArea,
        message(_r, v, value) {
          const area = value(fundsArea);
          if (v.status !== 'unknown') {
            const [need, have] = [yuan(v.expected as Decimal), yuan(v.actual as Decimal)];
            return b(`应缴 ${need} 元(${area} m² 当量)，已缴 ${have} 元`, `Owes ${need} yuan (${area} m² worth), paid ${have}`);
          }
          const priced = v.expected !== null;
          return b(
            `应缴 ${area} m² 当量的用房资金；${priced ? '未给出已缴金额' : '未给出单价，无法折算金额(I6)'}`,
            `Owes ${area} m² worth of room money; ${priced ? 'no payment reported' : 'no price per m² to turn it into yuan (I6)'}`,
          );
        },
      },
    ],
  },
});

export const checks: readonly Check[] = [developers];
