/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.3';
const parameters = {
  'streetSubsidy.minimumPerCommunityPerYear': {
    name: { zh: '每个社区每年配套补助下限', en: 'minimum street subsidy per community and year' },
    unit: '元 per community per year',
    serves: ['Q10'],
    allowed: 'non-negative',
    values: [{ value: 30000 }],
  },
  'streetSubsidy.proration': {
    name: { zh: '年中新建社区的补助折算', en: 'pro-rating for a community started during the year' },
    unit: 'option',
    serves: ['Q10', 'I8'],
    allowed: { options: ['none', 'by-days'] },
    values: [{ value: 'none' }],
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
