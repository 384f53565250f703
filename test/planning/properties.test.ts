import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  opinionTargets,
  PolicyInputError,
  rectificationStatus,
  seatSupply,
  specialEducationSchoolCheck,
  supportingSchoolCheck,
} from '../../src/index.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Day number by an independent route: Date.UTC (years 1900–2100 only, where it is exact). */
const utcDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** Any real calendar date from the opinion's date (opinion.effectiveFrom, 2017-05-23) to 2030-12-31, leap days and month ends included. */
const FIRST = utcDay('2017-05-23');
const LAST = utcDay('2030-12-31');
const dayArb = fc.integer({ min: FIRST, max: LAST });
const dateArb = dayArb.map(isoOfDay);

const expectOnlyPolicyErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInputError);
  }
};

describe('planning: laws', () => {
  const rowArb = fc.record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), stage: fc.constantFrom('primary' as const, 'junior' as const), approvedPlaces: fc.integer({ min: 0, max: 3000 }) });
  const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => `${r.stage}/${r.id}`, maxLength: 12 });
  const popArb = fc.record({ primary: fc.integer({ min: 0, max: 20000 }), junior: fc.integer({ min: 0, max: 20000 }) });

  it('seatSupply: places are the exact sum; sufficient ⇔ places ≥ demand; shortfall − surplus = demand − places', () => {
    fc.assert(fc.property(rowsArb, popArb, (schools, pop) => {
      const r = seatSupply({ schools, schoolAgePopulation: pop });
      for (const stage of ['primary', 'junior'] as const) {
        const s = r.stages[stage];
        const places = schools.filter((x) => x.stage === stage).reduce((a, x) => a + x.approvedPlaces, 0);
        expect(s.places).toBe(places);
        expect(s.sufficient).toBe(places >= pop[stage]);
        expect(s.shortfall - s.surplus).toBe(pop[stage] - places);
        expect(Math.min(s.shortfall, s.surplus)).toBe(0);
        expect(s.ratio === null).toBe(pop[stage] === 0);
        if (s.ratio !== null) expect(Number.isFinite(s.ratio)).toBe(true);
      }
      expect(r.sufficient).toBe(r.stages.primary.sufficient && r.stages.junior.sufficient);
    }));
  });

  it('seatSupply: a new school never lowers places nor turns a sufficient stage short', () => {
    fc.assert(fc.property(rowsArb, popArb, fc.integer({ min: 0, max: 3000 }), fc.constantFrom('primary' as const, 'junior' as const), (schools, pop, places, stage) => {
      const before = seatSupply({ schools, schoolAgePopulation: pop });
      const after = seatSupply({ schools: [...schools, { id: 'NEW', stage, approvedPlaces: places }], schoolAgePopulation: pop });
      expect(after.stages[stage].places).toBe(before.stages[stage].places + places);
      expect(after.stages[stage].shortfall).toBeLessThanOrEqual(before.stages[stage].shortfall);
      if (before.sufficient) expect(after.sufficient).toBe(true);
    }));
  });

  const itemArb = fc.tuple(dayArb, fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }))
    .map(([issued, span, fixAfter]) => ({ issued, deadline: issued + span, rectified: fixAfter === undefined ? undefined : issued + fixAfter }));

  it('rectificationStatus agrees with a model written from the text, for any dates', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 8 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }), (raw, dueSoon, wait) => {
      // asOf: on or after every issue and rectification (events cannot lie after it), up to 400 days later
      const asOf = isoOfDay(Math.max(FIRST, ...raw.map((x) => Math.max(x.issued, x.rectified ?? x.issued))) + wait);
      const items = raw.map((x, i) => ({
        id: `I${i}`,
        issuedOn: isoOfDay(x.issued),
        deadline: isoOfDay(x.deadline),
        ...(x.rectified === undefined ? {} : { rectifiedOn: isoOfDay(x.rectified) }),
      }));
      const r = rectificationStatus(items, { asOf, parameters: { planning: { rectification: { dueSoonDays: dueSoon } } } });
      raw.forEach((x, i) => {
        const s = r.items[i]!;
        const now = utcDay(asOf);
        if (x.rectified !== undefined) {
          expect(s.status).toBe('done');
          expect(s.late).toBe(x.rectified > x.deadline);
          expect(s.daysLate).toBe(Math.max(0, x.rectified - x.deadline));
        } else if (now > x.deadline) {
          expect(s.status).toBe('overdue');
          expect(s.daysLate).toBe(now - x.deadline);
        } else {
          expect(s.status).toBe(x.deadline - now <= dueSoon ? 'due-soon' : 'open');
          expect(s.daysRemaining).toBe(x.deadline - now);
        }
      });
      const total = r.counts.done + r.counts.overdue + r.counts['due-soon'] + r.counts.open;
      expect(total).toBe(items.length);
    }));
  });

  it('rectificationStatus: as asOf moves on, an open item only moves forward (open → due-soon → overdue)', () => {
    const rank = { open: 0, 'due-soon': 1, overdue: 2, done: 3 } as const;
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 100 }), (issued, span, wait, step) => {
      const one = { id: 'A', issuedOn: isoOfDay(issued), deadline: isoOfDay(issued + span) };
      const a = rectificationStatus([one], { asOf: isoOfDay(issued + wait) }).items[0]!;
      const b = rectificationStatus([one], { asOf: isoOfDay(issued + wait + step) }).items[0]!;
      expect(rank[b.status]).toBeGreaterThanOrEqual(rank[a.status]);
    }));
  });

  it('supportingSchoolCheck: the gate is open ⇔ no school is required or it is delivered; in step ⇔ delivered ≤ first phase', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: -300, max: 300 }), fc.boolean(), fc.integer({ min: 0, max: 600 }), (firstPhase, deliveryOffset, deliveredFlag, asOfOffset) => {
      const delivered = firstPhase + deliveryOffset;
      const asOfDay = Math.max(delivered, firstPhase - 300) + asOfOffset;
      const r = supportingSchoolCheck(
        { residentialArea: { id: 'R', firstPhaseDelivery: isoOfDay(firstPhase) }, school: { plannedInLayout: true, ...(deliveredFlag ? { deliveredOn: isoOfDay(delivered) } : {}) } },
        { asOf: isoOfDay(asOfDay) },
      );
      expect(r.acceptanceAllowed).toBe(deliveredFlag);
      expect(r.planningVerificationAllowed).toBe(r.acceptanceAllowed);
      expect(r.blockedBy === null).toBe(r.acceptanceAllowed);
      if (deliveredFlag) {
        expect(r.synchronous).toBe(delivered <= firstPhase);
        expect(r.daysLate).toBe(Math.max(0, delivered - firstPhase));
      } else if (asOfDay <= firstPhase) {
        expect(r).toMatchObject({ status: 'pending', daysRemaining: firstPhase - asOfDay });
      } else {
        expect(r).toMatchObject({ status: 'overdue', daysLate: asOfDay - firstPhase });
      }
    }));
  });

  it('day counts are exact in the first centuries too (year 4 is a leap year, year 50 is not)', () => {
    const late = (first: string, asOf: string) => supportingSchoolCheck({ residentialArea: { id: 'R', firstPhaseDelivery: first }, school: { plannedInLayout: true } }, { asOf }).daysLate;
    expect(late('0004-02-28', '0004-03-01')).toBe(2);
    expect(late('0050-02-28', '0050-03-01')).toBe(1);
    expect(late('1900-02-28', '1900-03-01')).toBe(1); // 1900 is not a leap year
    expect(late('2000-02-28', '2000-03-01')).toBe(2); // 2000 is
    expect(late('0001-01-01', '9999-12-31')).toBe(3_652_058);
  });

  it('opinionTargets: daysRemaining − daysPassed is the signed distance to each deadline', () => {
    fc.assert(fc.property(dateArb, (asOf) => {
      for (const t of opinionTargets({ asOf }).targets) {
        expect(t.daysRemaining - t.daysPassed).toBe(utcDay(t.deadline) - utcDay(asOf));
        expect(t.status === 'open').toBe(asOf <= t.deadline);
      }
    }));
  });

  it('whatever the input, every planning calculator returns or throws PolicyInputError, never another error', () => {
    const anything = fc.anything({ withNullPrototype: true, withDate: true, withSparseArray: true, withBigInt: true });
    fc.assert(fc.property(anything, anything, (input, options) => {
      expectOnlyPolicyErrors(() => seatSupply(input as never, options as never));
      expectOnlyPolicyErrors(() => specialEducationSchoolCheck(input as never, options as never));
      expectOnlyPolicyErrors(() => supportingSchoolCheck(input as never, options as never));
      expectOnlyPolicyErrors(() => rectificationStatus(input as never, options as never));
      expectOnlyPolicyErrors(() => opinionTargets(input as never));
    }), { numRuns: 300 });
  });
});
