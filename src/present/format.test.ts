/** The one formatter (issue 22): every value shown, worked out by hand, with whether it rounds and its exact digits. */
import { describe, expect, test } from 'vitest';
import { D } from '../decimal.js';
import { approx, digitsOf, roundDigits, showArea, showCount, showDate, showDeviation, showMoney, showNumber, showShare } from './format.js';
import { optionWords, parameterWords, showValue, unitWords } from './words.js';

describe('the formatter', () => {
  test('counts grouped by thousands', () => {
    expect(showCount(3695, '户')).toEqual({ text: '3,695 户', rounded: false, exact: '3695' });
    expect(showCount(0).text).toBe('0');
  });

  test('money grouped, with fen only where there are fen', () => {
    expect(showMoney(1350000, 'zh').text).toBe('1,350,000 元');
    expect(showMoney(new D('15123.29'), 'zh').text).toBe('15,123.29 元');
    expect(showMoney(new D('151232.9'), 'en').text).toBe('151,232.90 yuan');
    // 1,000,000 ÷ 3 yuan: rounded to the fen, and it says so
    expect(showMoney(new D(1000000).div(3), 'zh')).toMatchObject({ text: '333,333.33 元', rounded: true });
  });

  test('areas to at most two decimals; shares as percentages to one decimal; a tolerance with ±', () => {
    expect(showArea(new D('554.25')).text).toBe('554.25 m²');
    expect(showArea(new D('308')).text).toBe('308 m²');
    const share = showShare(new D(29).div(36)); // 0.80555… → 80.6 %
    expect(share.text).toBe('80.6 %');
    expect(share.rounded).toBe(true);
    expect(share.exact).toBe(new D(29).div(36).toFixed());
    expect(showShare('0.9')).toEqual({ text: '90 %', rounded: false, exact: '0.9' });
    expect(showDeviation('0.2').text).toBe('±20 %');
  });

  test('a value too small for the places keeps two significant digits, never a misleading 0', () => {
    expect(showShare('0.0000123').text).toBe('0.0012 %');
    expect(showNumber('0.001', 2).text).toBe('0.001');
  });

  test('rounding half away from zero on the exact digits, carries included', () => {
    expect(roundDigits('2.345', 2)).toBe('2.35');
    expect(roundDigits('9.995', 2)).toBe('10');
    expect(roundDigits('-0.004', 2)).toBe('0');
    expect(roundDigits('1.50', 0)).toBe('2');
  });

  test('dates: 2013年7月1日 in Chinese, ISO in English', () => {
    expect(showDate('2013-07-01', 'zh').text).toBe('2013年7月1日');
    expect(showDate('2013-07-01', 'en').text).toBe('2013-07-01');
  });

  test('the exact digits of a Decimal, a number and a numeral; text marks a rounded value with ≈', () => {
    expect(digitsOf(new D('1e21'))).toBe('1000000000000000000000');
    expect(digitsOf(1e21)).toBe('1000000000000000000000');
    expect(digitsOf('abc')).toBeUndefined();
    expect(approx(showShare(new D(29).div(36)))).toBe('≈ 80.6 %');
    expect(approx(showShare('0.9'))).toBe('90 %');
  });
});

describe('the words', () => {
  test('units of findings, fields and parameters in words', () => {
    expect(unitWords('m² per 100 户', 'zh')).toBe('m²/百户');
    expect(unitWords('workers', 'en', 1)).toBe('worker');
    expect(unitWords('share', 'zh')).toBe('');
    expect(showValue(1000000, '元', 'zh').text).toBe('1,000,000 元');
    expect(showValue(7, 'workers', 'zh').text).toBe('7 名');
    expect(showValue(null, 'yuan', 'zh').text).toBe('未填报');
  });

  test('a declaration with words is shown by them; one without is marked as unnamed, never shown as bare code', () => {
    expect(parameterWords('funding.mode', { name: { zh: '资金增长方式', en: 'how the fund grows' } }, 'zh')).toBe('资金增长方式');
    expect(parameterWords('myRate', {}, 'zh')).toBe('〔myRate〕(未命名)');
    const options = [{ id: 'compound', formula: { zh: '第 y 年 = 基数 × 1.1^增长年数', en: 'compound' } }];
    expect(optionWords('compound', options, 'zh')).toBe('第 y 年 = 基数 × 1.1^增长年数');
    expect(optionWords('other', options, 'en')).toBe('〔other〕 (unnamed)');
  });
});
