import { Decimal as HostDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, MAX_COUNT, countSchema, dateSchema, moneySchema, publicFunding, type School } from '../../src/index.js';
import { expectIssuesAt } from './helpers.js';

const school: School = { id: 'U', location: 'urban', pupils: { primary: 3 } };
/** 3 urban primary pupils at an overridden single benchmark: the amount is 3 × rate. */
const withRate = (primary: unknown) =>
  publicFunding(school, { asOf: '2025-09-01', parameters: { funding: { benchmark: { primary: primary as never, junior: 800 } } } });

describe('money input', () => {
  const accepted: Array<[unknown, string]> = [
    [720, '2160'], // 3 × 720
    ['720', '2160'],
    ['1234.56', '3703.68'], // 3 × 1234.56
    [1234.56, '3703.68'],
    ['650.5', '1951.5'], // 3 × 650.5
    [0, '0'],
    ['0.01', '0.03'],
    ['0.10', '0.3'],
    [' 600 ', '1800'], // surrounding spaces trimmed
  ];
  for (const [input, amount] of accepted) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      expect(withRate(input).amount.toString()).toBe(amount);
    });
  }

  const rejected: unknown[] = ['600.001', 600.001, 0.1 + 0.2, '-1', -0.01, '1e3', 1e21, '600.', '.5', '0600', '', '６００', 'NaN', Number.NaN, Number.POSITIVE_INFINITY, null, true, [600], 10n];
  for (const input of rejected) {
    it(`rejects ${typeof input === 'bigint' ? '10n' : JSON.stringify(input) ?? String(input)} (${typeof input})`, () => {
      expectIssuesAt(() => withRate(input), ['parameters', 'funding', 'benchmark', 'primary']);
    });
  }

  it('moneySchema, countSchema, dateSchema are usable zod schemas', () => {
    expect(moneySchema.safeParse('1234.56').success).toBe(true);
    expect(moneySchema.safeParse('1234.567').success).toBe(false);
    expect(moneySchema.safeParse(-1).success).toBe(false);
    expect(countSchema.safeParse(MAX_COUNT).success).toBe(true);
    expect(countSchema.safeParse(MAX_COUNT + 1).success).toBe(false);
    expect(countSchema.safeParse(1.5).success).toBe(false);
    expect(dateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(dateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(dateSchema.safeParse(new Date(Number.NaN)).success).toBe(false);
  });
});

describe('money output', () => {
  it('the exported Decimal is a decimal.js constructor with its own settings', () => {
    expect(Decimal).not.toBe(HostDecimal);
    expect(Decimal.rounding).toBe(HostDecimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBeGreaterThanOrEqual(20);
  });

  it('large amounts stay exact and print without exponent', () => {
    // 1,000,000 pupils × 999,999.99 yuan = 999,999,990,000 yuan
    const r = publicFunding(
      { id: 'Big', location: 'urban', pupils: { primary: 1_000_000 } },
      { asOf: '2025-09-01', parameters: { funding: { benchmark: { primary: '999999.99', junior: 1 } } } },
    );
    expect(r.amount.toString()).toBe('999999990000');
    expect(r.amount.toFixed(2)).toBe('999999990000.00');
  });

  it('the largest rate is accepted, one fen more is not', () => {
    // the documented cap is 1,000,000 yuan per pupil
    expect(withRate('1000000').amount.toString()).toBe('3000000');
    expectIssuesAt(() => withRate('1000000.01'), ['parameters', 'funding', 'benchmark', 'primary']);
  });
});

describe('dates', () => {
  it('a Date is read by its local calendar day', () => {
    // 23:59 local on 2017-05-22 is still 2017-05-22, the day before the opinion's date (issue 9
    // moved it from 2016-07-02 to opinion.effectiveFrom, 2017-05-23): no district floor; 150 × 600 = 90000
    const late = new Date(2017, 4, 22, 23, 59, 59);
    const r = publicFunding({ id: 'R', location: 'rural', pupils: { primary: 150 } }, { asOf: late, region: 'west' });
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('90000');
    // 00:00 local on 2017-05-23: 200 × 600 = 120000
    const early = new Date(2017, 4, 23, 0, 0, 0);
    expect(publicFunding({ id: 'R', location: 'rural', pupils: { primary: 150 } }, { asOf: early, region: 'west' }).amount.toString()).toBe('120000');
  });

  it('no asOf means today', () => {
    // Today is after 2025-03-01, so the special-education rate is 7000: 2 × 7000 = 14000
    const r = publicFunding({ id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 2 } });
    expect(r.amount.toString()).toBe('14000');
  });
});
