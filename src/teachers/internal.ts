/**
 * The teachers area's input checks beyond the schemas, one function each, shared by the calculators'
 * own parsing and by areas that call the pure rules on data they validated themselves (the 优质均衡
 * guarantees and vetoes): paths start at `prefix`. Not re-exported by the barrel.
 *
 * @module
 * @internal
 */
import type { IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { yuanToFen, type MoneyInput } from '../core/money.js';
import { checkUnique } from '../core/schemas.js';
import type { PayAverages, PayRecords } from './payParity.js';
import type { RotationFigures } from './rotation.js';
import type { Teacher } from './schemas.js';
import { checkEmployment } from './trainingRecords.js';

export { checkTrainingParams, trainingReads } from './trainingCycle.js';

type Path = ReadonlyArray<string | number>;

function zeroAverageIssue(path: Array<string | number>): PolicyIssue {
  return { path, code: 'too_small', message: 'must be more than 0: a ratio to a civil-servant average of 0 does not exist', provision: '4.4' };
}

/** Pay amounts summed in fen, exactly (the list was validated). @internal */
export function sumFen(list: readonly MoneyInput[]): bigint {
  let small = 0;
  let big = 0n;
  for (const amount of list) {
    const next = small + (yuanToFen(amount) as number);
    if (Number.isSafeInteger(next)) small = next;
    else {
      big += BigInt(small) + BigInt(yuanToFen(amount) as number);
      small = 0;
    }
  }
  return big + BigInt(small);
}

/** Valid averages whose ratio exists: a civil-servant average above 0. @internal */
export function checkPayAverages(a: PayAverages, issues: PolicyIssue[], prefix: Path = []): void {
  if (yuanToFen(a.civilServantAveragePay) === 0) issues.push(zeroAverageIssue([...prefix, 'civilServantAveragePay']));
}

/** Valid pay records with averages: neither list empty, civil-servant pay summing above 0. @internal */
export function checkPayRecords(r: PayRecords, issues: PolicyIssue[], prefix: Path = []): void {
  if (r.teacherPay.length === 0) issues.push({ path: [...prefix, 'teacherPay'], code: 'too_small', message: 'must list at least one teacher: an average of nobody does not exist' });
  if (r.civilServantPay.length === 0) issues.push({ path: [...prefix, 'civilServantPay'], code: 'too_small', message: 'must list at least one civil servant: an average of nobody does not exist' });
  else if (sumFen(r.civilServantPay) === 0n) issues.push(zeroAverageIssue([...prefix, 'civilServantPay']));
}

/** Valid rotation counts that agree: rotated ≤ eligible, backbone ≤ rotated. @internal */
export function checkRotation(f: RotationFigures, issues: PolicyIssue[], prefix: Path = []): void {
  if (f.rotatedTeachers > f.eligibleTeachers) {
    issues.push({ path: [...prefix, 'rotatedTeachers'], code: 'inconsistent', message: `must not exceed eligibleTeachers (${f.rotatedTeachers} rotated, ${f.eligibleTeachers} eligible)`, provision: '4.3' });
  }
  if (f.rotatedBackboneTeachers > f.rotatedTeachers) {
    issues.push({ path: [...prefix, 'rotatedBackboneTeachers'], code: 'inconsistent', message: `must not exceed rotatedTeachers (${f.rotatedBackboneTeachers} backbone, ${f.rotatedTeachers} rotated); backbone teachers are counted within those rotated`, provision: '4.3' });
  }
}

/**
 * Valid teachers that {@link trainingReportRule} may take on `asOf`: each id once, and nobody
 * employed after `asOf`. (The calculators check repeated ids while parsing, on the raw rows.)
 *
 * @internal
 */
export function checkTeachers(teachers: readonly Teacher[], asOf: IsoDate, issues: PolicyIssue[], prefix: Path = []): void {
  checkUnique(teachers, 'id', 'id', issues, { prefix });
  teachers.forEach((t, i) => checkEmployment(t, asOf, issues, [...prefix, i]));
}
