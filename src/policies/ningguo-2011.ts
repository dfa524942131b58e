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
import type { DocumentGiven, Source } from '../provisions/provision.js';
import goals from '../provisions/a-2-targets/provision.js';
import size from '../provisions/a-3-1-size/provision.js';
import rollout from '../provisions/a-3-3-rural-rollout/provision.js';
import rooms from '../provisions/a-3-4-rooms/provision.js';
import staffing from '../provisions/a-4-2-staff/provision.js';
import fund from '../provisions/a-4-3-1-city-fund/provision.js';
import subsidy from '../provisions/a-4-3-2-street-subsidy/provision.js';
import developer from '../provisions/a-4-3-3-developer/provision.js';

/**
 * The two documents of the page the policy was read from, as far as their text gives title, issuer and date: A, the
 * opinions on community building this library encodes; B, the notice on drowning printed after it on the same page
 * (its clauses are in the registry as duties). Each part says whether it is printed, implied (and from what) or not
 * given; nothing here is a guess presented as the text's. Apart from {@link NINGGUO_2011_SOURCE}, so that a page that
 * names the policy does not carry these paragraphs (the book shows them).
 */
export const NINGGUO_2011_DOCUMENTS: { readonly A: DocumentGiven; readonly B: DocumentGiven } = {
  A: {
    title: {
      given: 'printed',
      printed: '城乡社区改建工作意见',
      words: {
        zh: '所在页面的标题印作《城乡社区改建工作意见》；正文自称就“进一步加强全市城乡社区建设工作”提出的意见。',
        en: 'The page that carries it is headed 城乡社区改建工作意见 (opinions on urban–rural community work); the text calls itself opinions on further strengthening community building across the city.',
      },
    },
    issuer: {
      given: 'implied',
      words: {
        zh: '原文未署发文机关。正文以“全市”“我市”“市财政”“市住建委”行文，出自一个市，但不写市名和机关。本库称之为宁国市的文件：同页文件提到的港口湾水库在宁国市(这是本库的推断)。',
        en: 'The text gives no issuer. It speaks for a city (“the whole city”, “our city”, the city’s finance, the city housing and construction commission) but names neither the city nor the body. The library calls it Ningguo’s: the notice on the same page names the Gangkouwan reservoir, which is in Ningguo (our inference).',
      },
    },
    date: {
      given: 'implied',
      words: {
        zh: '原文未署日期。文中“自2011年起”每年推行农村社区建设、“从2012年起”市财政投入按“今年”总额的 10 % 逐年增长，表明写于约 2011 年。',
        en: 'The text gives no date. Rural community building “from 2011”, and the city’s money growing “from 2012” by 10 % of “this year’s” total, place it about 2011.',
      },
    },
  },
  B: {
    title: {
      given: 'printed',
      printed: '关于进一步加强…防溺水安全工作的紧急通知',
      words: {
        zh: '标题印作《关于进一步加强…防溺水安全工作的紧急通知》(本库略去中间几字，不整句照录)。',
        en: 'Printed as 关于进一步加强…防溺水安全工作的紧急通知 (abridged here: we do not copy a whole line of the source; an emergency notice on further strengthening students’ safety against drowning).',
      },
    },
    issuer: {
      given: 'implied',
      words: {
        zh: '原文未署发文机关。主送各乡镇人民政府、街道办事处、市政府各部门和各直属机构、开发区管委会，并引用“市政府”此前的通知，是市政府一级的行文。',
        en: 'The text gives no issuer. It is addressed to the townships’ governments, the street offices, the city government’s departments and bodies, and the development zone’s committee, and cites an earlier notice of the city government: a notice at the city government’s level.',
      },
    },
    date: {
      given: 'implied',
      words: {
        zh: '原文未署日期。“今年入夏以来”、“8·5”溺水事故和所引 政办明电〔2011〕50号 表明写于某年夏天 8 月 5 日之后，不早于 2011 年。',
        en: 'The text gives no date. “Since this summer began”, the drowning of “8·5” (5 August) and the notice it cites, numbered 〔2011〕50, place it in a summer after 5 August, in 2011 or later.',
      },
    },
  },
};

/**
 * The document itself, as far as the text we hold gives it: the page names no issuing body, number or date; the
 * city is Ningguo (宁国市, Anhui), and the figures date it to about 2011.
 */
export const NINGGUO_2011_SOURCE: Source = {
  id: 'ningguo-2011',
  body: b('宁国市(原文未署发文机关)', 'Ningguo City (the text names no issuing body)'),
  title: b('城乡社区建设工作意见(约 2011 年)', 'Opinions on urban–rural community building (about 2011)'),
  short: b('本市文件(约 2011 年)', 'Ningguo (about 2011)'),
  date: '2011',
  status: 'verified',
  note: b(
    '我们持有的文本未写发文字号和日期；年份由文中“2011年”“2012年起”等推定。',
    'The text we hold gives no document number or date; the year is inferred from its own figures (2011, "from 2012").',
  ),
};

/** The provisions of the city's document, in document order. */
export const NINGGUO_2011 = [goals, size, rollout, rooms, staffing, fund, subsidy, developer] as const;
