/**
 * The city's document as a value: Ningguo's opinions on urban–rural
 * community building (about 2011), as the list of its provisions in
 * document order. A policy is made from a list like this one
 * (`createPolicy`), and a later document is laid over it (`extendPolicy`);
 * everything else — the policy's methods, the evaluation's columns, the
 * reports, `explain`, the audit, the explorer, the book — walks the list.
 * Adding a provision to the city's document is one line here.
 */
import { b } from '../bilingual.js';
import type { Source } from '../provisions/provision.js';
import goals from '../provisions/a-2-targets/provision.js';
import size from '../provisions/a-3-1-size/provision.js';
import rollout from '../provisions/a-3-3-rural-rollout/provision.js';
import rooms from '../provisions/a-3-4-rooms/provision.js';
import staffing from '../provisions/a-4-2-staff/provision.js';
import fund from '../provisions/a-4-3-1-city-fund/provision.js';
import subsidy from '../provisions/a-4-3-2-street-subsidy/provision.js';
import developer from '../provisions/a-4-3-3-developer/provision.js';

/**
 * The document itself, as far as the text we hold gives it: the page names no issuing body, number or date; the
 * city is Ningguo (宁国市, Anhui), and the figures date it to about 2011.
 */
export const NINGGUO_2011_SOURCE: Source = {
  id: 'ningguo-2011',
  body: b('宁国市(原文未署发文机关)', 'Ningguo City (the text names no issuing body)'),
  title: b('城乡社区建设工作意见(约 2011 年)', 'Opinions on urban–rural community building (about 2011)'),
  date: '2011',
  status: 'verified',
  note: b(
    '我们持有的文本未写发文字号和日期；年份由文中“2011年”“2012年起”等推定。',
    'The text we hold gives no document number or date; the year is inferred from its own figures (2011, "from 2012").',
  ),
};

/** The provisions of the city's document, in document order. */
export const NINGGUO_2011 = [goals, size, rollout, rooms, staffing, fund, subsidy, developer] as const;
