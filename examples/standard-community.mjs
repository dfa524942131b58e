#!/usr/bin/env node
// What the policy asks of one standard community, and the 2011–2015 schedules.
// Run with `node examples/standard-community.mjs` after `npm run build`.
import {
  DEFAULT_PARAMETERS as P,
  cityFundSchedule,
  communitySize,
  createPolicy,
  requiredStaff,
  ruralRolloutSchedule,
  serviceRoomArea,
  streetSubsidyMinimum,
  targets,
} from 'shequ-rules';

const community = { households: P.sizing.households, residents: P.sizing.residents };
const base = 1000000;
const villages = 120;
const line = (zh, en) => console.log(`${zh}\n  ${en}`);

console.log('shequ-rules — 一个标准社区的要求 / what the policy asks of one standard community\n');
const size = communitySize(community);
line(
  `规模：${community.households} 户、${community.residents} 人，${size.withinGuideline ? '符合' : '不符合'}“左右”的要求 [${size.clause}]`,
  `Size: ${community.households} households, ${community.residents} residents — ${size.withinGuideline ? 'within' : 'outside'} the guideline [${size.clause}]`,
);
const rooms = serviceRoomArea({ residents: community.residents });
line(`办公和服务用房：${rooms.areaM2} m² [${rooms.clause}]`, `Office and service rooms: ${rooms.areaM2} m² [${rooms.clause}]`);
const staff = requiredStaff({ households: community.households });
line(`社区工作人员：${staff.staff} 名 [${staff.clause}, I3 ${staff.interpretations[0].choice}]`, `Community workers: ${staff.staff} [${staff.clause}, I3 ${staff.interpretations[0].choice}]`);
const subsidy = streetSubsidyMinimum({ communities: 1 });
line(`街道(乡镇)配套补助：每年不低于 ${subsidy.amount} 元 [${subsidy.clause}]`, `Street/township matching subsidy: at least ${subsidy.amount} yuan a year [${subsidy.clause}]`);
const t = targets({ year: 2011 });
line(
  `目标：到 ${t.deadlineYear} 年底城市社区 ${t.urbanShare}、农村社区 ${t.ruralShare} 达标 [${t.clause}]`,
  `Targets: by the end of ${t.deadlineYear}, ${t.urbanShare} of urban and ${t.ruralShare} of rural communities to standard [${t.clause}]`,
);

const compound = createPolicy({ funding: { mode: 'compound' } });
const fixedRows = cityFundSchedule({ baseYearTotal: base, from: 2011, to: 2015 }).rows;
const compoundRows = compound.cityFundSchedule({ baseYearTotal: base, from: 2011, to: 2015 }).rows;
console.log(`\n市财政社区资金下限 / city fund minimum (base ${base} yuan, A.4.3, I1)`);
console.log('年份 year   固定增量 fixed-increment   复合增长 compound');
fixedRows.forEach((row, i) => console.log(`${row.year}        ${row.amount.toFixed(2).padStart(16)}   ${compoundRows[i].amount.toFixed(2).padStart(16)}`));

console.log(`\n农村社区推行 / rural rollout (${villages} villages, A.3.3, I2 share-of-all)`);
console.log('年份 year   累计比例 share   应覆盖村(组) villages');
for (const row of ruralRolloutSchedule({ from: 2011, to: 2015, villages }).rows) {
  console.log(`${row.year}        ${row.share.toFixed(2).padStart(8)}   ${String(row.villagesCovered).padStart(10)}`);
}
