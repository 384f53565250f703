/**
 * What the 优质均衡 item tables share — the government guarantees (G1–G15), the education-quality
 * items (Q1–Q9) and the vetoes: bilingual reasons, a judged item, an inspector's finding, and the
 * table judged in order with `'needs-evidence'` for an item nothing decides.
 *
 * @internal
 */
import type { Bilingual } from '../core/types.js';

/** A bilingual text. @internal */
export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** A share in basis points as a percentage (`9500` → `95 %`). @internal */
export const pct = (bp: number): string => `${bp / 100} %`;

/** The reason of an item whose data is absent. @internal */
export const noData = (zh: string, en: string): Bilingual => bi(`缺少数据：${zh}`, `No data: give ${en}`);

/** A decided item: passes when `ok`, with its reason (and the calculator that decided it, if any). @internal */
export function judged(ok: boolean, zh: string, en: string, decidedBy?: string): { status: 'passes' | 'fails'; reason: Bilingual; decidedBy?: string } {
  return { status: ok ? 'passes' : 'fails', reason: bi(zh, en), ...(decidedBy === undefined ? {} : { decidedBy }) };
}

/** What an item only an inspector can decide needs: the finding `key`, true or false. @internal */
export const findingNeeds = (key: string): Bilingual => bi(`须由督导评估人员认定（${key}）`, `An inspector's finding: give ${key} (true or false)`);

/** The judgement of an inspector's finding `key` given as `value`; `undefined` when not given. @internal */
export const inspectorFinding = (value: boolean | undefined, key: string) =>
  value === undefined ? undefined : judged(value, `督导评估认定（${key}）`, `The inspector's finding (${key})`);

/**
 * One item of a table: `needs` is the reason given when `judge` finds nothing to decide on (it
 * returns `undefined`).
 *
 * @internal
 */
export interface ItemRule<Id extends string, J, A extends unknown[]> {
  readonly id: Id;
  readonly title: Bilingual;
  readonly needs: Bilingual;
  readonly judge: (...args: A) => J | undefined;
}

/** Every item of `rules` judged in order: its judgement, or `'needs-evidence'` with what it needs. @internal */
export function judgeTable<Id extends string, J extends object, A extends unknown[]>(
  rules: readonly ItemRule<Id, J, A>[],
  ...args: A
): Array<{ id: Id; title: Bilingual } & (J | { status: 'needs-evidence'; reason: Bilingual })> {
  return rules.map(({ id, title, needs, judge }) => ({ id, title, ...(judge(...args) ?? { status: 'needs-evidence' as const, reason: needs }) }));
}
