/** The surface checker finds what it should and passes what is meant (issue 22). */
import { describe, expect, test } from 'vitest';
import { surfaceProblems } from './surface.js';

const rules = (text: string, allow?: string[]) => surfaceProblems(text, { allow }).map((p) => `${p.rule} ${p.found}`);

describe('surfaceProblems', () => {
  test('a clean Chinese report line passes: names with ids, grouped numbers, units after a space', () => {
    expect(rules('✗  城东社区 341881001001  社区规模 (Q4/Q5)  A.3.1  ±20 %  38.6 %  3,695 户、11,085 人；用房 554.25 m²；1,350,000 元；2013年7月1日')).toEqual(
      [],
    );
  });

  test('identifiers of the code: camelCase, option and folder ids, a finding id with its slug', () => {
    expect(rules('计算器: requiredStaff；方式 fixed-increment (默认)；a-4-2-staff；A.3.4/ground-floor')).toEqual([
      'identifier requiredStaff',
      'code-id fixed-increment',
      'code-id a-4-2-staff',
      'code-id A.3.4/ground-floor',
    ]);
  });

  test('artefacts of a formatter and digits nobody reads', () => {
    expect(rules('合计 undefined 元，比例 NaN，[object Object]，80.555555555555555556 %，3,333.33 户')).toEqual([
      'artefact undefined',
      'artefact NaN',
      'artefact [object ',
      'digits 80.555555555555555556',
    ]);
  });

  test('one spacing convention: no number glued to %, m² or 元; ㎡ only inside a quoted term of the source', () => {
    expect(rules('±20%，5m²，1000元，每百户 20㎡，原文“每百户20㎡”')).toEqual(['spacing 0%', 'spacing 5m²', 'spacing 0元', 'spacing ㎡']);
  });

  test('what is meant passes: the program’s name, file names and paths, strings the caller allows', () => {
    expect(rules('shequ-rules report examples/ningguo-2013.csv；读取 ningguo.xlsx；社区 my-id-7', ['my-id-7'])).toEqual([]);
  });
});
