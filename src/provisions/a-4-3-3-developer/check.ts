/**
 * A.4.3's developers' rooms held against each development project: rooms
 * handed over (Q11) or room money paid (Q12), by the route the project's
 * area gives (I5). A dataset that does not list projects says nothing of
 * them, which is not "none": not evaluated, with the reason.
 */
import { D } from '../../decimal.js';
import { b, callRule, finding, yuan, type CityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { developerObligationWith } from './developer-obligation.js';

const developers: CityCheck = {
  scope: 'city',
  provision: 'Q11/Q12',
  clause: 'A.4.3',
  handWritten: b(
    '每个开发项目一条结论，来自项目列表，不是社区表的一行：没有 SQL',
    'One finding per development project, from the list of projects, not a row of the communities table: no SQL',
  ),
  notCarried: { subject: 'projects', reason: b('输入是社区列表，不含开发项目', 'The input is a table of communities: it carries no development projects') },
  findings(d, policy, out, notEvaluated) {
    if (d.developerProjects === undefined) {
      notEvaluated.push({
        provision: 'Q11/Q12',
        clause: 'A.4.3',
        subject: 'projects',
        reason: b('数据未列出开发项目(没有项目请写空列表 [])', 'The data lists no development projects (write an empty list [] when there are none)'),
      });
      return;
    }
    for (const project of d.developerProjects) {
      // The rule reads an absent field and an undefined one alike.
      const o = callRule(policy, 'developerObligation', developerObligationWith, {
        floorAreaM2: project.floorAreaM2,
        residents: project.residents,
        households: project.households,
        pricePerM2: project.pricePerM2,
      });
      if (o.route === 'in-kind') {
        const need = o.roomAreaM2;
        const have = project.roomAreaProvidedM2 === undefined ? undefined : new D(project.roomAreaProvidedM2);
        if (need === undefined || have === undefined) {
          out.push(
            finding(
              'Q11',
              'A.4.3',
              project.id,
              'unknown',
              need ?? null,
              have ?? null,
              b(
                `${project.floorAreaM2} m² 的项目应配建用房；${need === undefined ? '未给出居民人数，无法算出面积' : `应配 ${need} m²，未给出已提供面积`}`,
                `A ${project.floorAreaM2} m² project owes rooms in kind; ${need === undefined ? 'no population given to size them' : `${need} m² due, none reported provided`}`,
              ),
            ),
          );
        } else {
          const ok = have.gte(need);
          out.push(
            finding(
              'Q11',
              'A.4.3',
              project.id,
              ok ? 'pass' : 'fail',
              need,
              have,
              b(`应配建 ${need} m²，已提供 ${have} m²`, `Rooms due ${need} m², provided ${have} m²`),
              ok ? undefined : need.minus(have),
            ),
          );
        }
      } else {
        const need = o.amount;
        const paid = project.fundsPaid === undefined ? undefined : new D(project.fundsPaid);
        if (need === undefined || paid === undefined) {
          out.push({
            ...finding(
              'Q12',
              'A.4.3',
              project.id,
              'unknown',
              need ?? null,
              paid ?? null,
              b(
                `应缴 ${o.fundsAreaM2} m² 当量的用房资金；${need === undefined ? '未给出单价，无法折算金额(I6)' : '未给出已缴金额'}`,
                `Owes ${o.fundsAreaM2} m² worth of room money; ${need === undefined ? 'no price per m² to turn it into yuan (I6)' : 'no payment reported'}`,
              ),
            ),
            areaEquivalentM2: o.fundsAreaM2!,
          });
        } else {
          const ok = paid.gte(need);
          out.push({
            ...finding(
              'Q12',
              'A.4.3',
              project.id,
              ok ? 'pass' : 'fail',
              need,
              paid,
              b(
                `应缴 ${yuan(need)} 元(${o.fundsAreaM2} m² 当量)，已缴 ${yuan(paid)} 元`,
                `Owes ${yuan(need)} yuan (${o.fundsAreaM2} m² worth), paid ${yuan(paid)}`,
              ),
              ok ? undefined : need.minus(paid),
            ),
            areaEquivalentM2: o.fundsAreaM2!,
          });
        }
      }
    }
  },
};

export const checks: readonly Check[] = [developers];
