import ts from 'typescript';
import { readFileSync } from 'node:fs';
const RULES = ['communitySize','planCommunities','serviceRoomArea','requiredStaff','ruralRollout','ruralRolloutSchedule','cityFundBudget','cityFundSchedule','streetSubsidyMinimum','developerObligation','targets'];
const Q = /\bQ(1[0-2]|[1-9])\b/;
for (const f of process.argv.slice(2)) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (n: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && Q.test(n.text)) hits.push(`${line}: ${n.text.slice(0, 70)}`);
    if (ts.isIdentifier(n) && RULES.some((r) => n.text === r || n.text === r + 'With')) hits.push(`${line}: ${n.text} (${ts.SyntaxKind[n.parent.kind]})`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (hits.length) console.log(f, hits.length, '\n  ' + hits.join('\n  '));
}
