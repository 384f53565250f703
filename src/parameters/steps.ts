import { step, type ExplanationStep } from '../core/explain.js';
import type { LocalUsedValue } from '../core/patch.js';
import type { UsedValue } from '../core/resolve.js';
import type { ProvisionId } from '../provisions/index.js';
import { sources } from './sources.js';

/**
 * The citation for a value read: its national source id, or the opinion's provision for a value
 * the opinion sets; none for junheng's own readings or a user's value (a patch or a local parameter
 * set, whose source is named in the explanation instead).
 *
 * @internal
 */
export function citationOf(used: UsedValue | undefined, provision: ProvisionId = '5.1'): string | undefined {
  if (used === undefined || used.source === 'override' || used.source === 'junheng' || (used as LocalUsedValue).local === true) return undefined;
  return used.source === 'opinion' ? provision : used.source;
}

/** `provision` first, then the citations of the values read, without repeats. @internal */
export function citationsOf(used: readonly UsedValue[], provision: ProvisionId = '5.1'): string[] {
  const list: string[] = [provision];
  for (const u of used) {
    const id = citationOf(u, provision);
    if (id !== undefined && !list.includes(id)) list.push(id);
  }
  return list;
}

/**
 * One explanation step per parameter value read, with its date (and, for the opinion's own values,
 * the parameter that sets it), source and confidence, and "not confirmed since …" for a stale value.
 *
 * @internal
 */
export function parameterSteps(values: Iterable<UsedValue>, provision: ProvisionId = '5.1'): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  for (const u of values) {
    const item = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
    const display = u.value === null ? 'null' : Array.isArray(u.value) ? u.value.map(item).join(', ') : item(u.value);
    const where = u.region === undefined ? '' : ` [${u.region}]`;
    const local = u as LocalUsedValue;
    const from =
      u.source === 'override'
        ? { zh: '用户覆盖值', en: 'user override' }
        : local.local === true
          ? { zh: `本地参数，${u.source}`, en: `local value, ${u.source}` }
          : (sources as Record<string, { title: { zh: string; en: string } }>)[u.source]?.title ?? { zh: u.source, en: u.source };
    const noteText = local.note?.replace(/[.。]$/, '');
    const note = noteText === undefined ? { zh: '', en: '' } : { zh: `；说明：${noteText}`, en: `; note: ${noteText}` };
    // A user's own value is not flagged "confirm or override": it is the confirmation.
    const unverified = u.confidence === 'unverified' && local.local !== true ? { zh: '；未经核实，请确认或覆盖', en: '; not verified, confirm or override' } : { zh: '', en: '' };
    // A value of the opinion starts on the opinion's effective date: say which parameter sets it.
    const start = u.fromParameter === undefined ? { zh: '', en: '' } : { zh: `，即意见施行日期 ${u.fromParameter}`, en: `, the opinion's effective date ${u.fromParameter}` };
    // A value no source shows in force on the day: say since when it is unconfirmed.
    const stale =
      u.stale && u.confirmedThrough !== undefined
        ? { zh: `；未经确认自 ${u.confirmedThrough}（此后未见来源表明其仍然有效），请确认或覆盖`, en: `; not confirmed since ${u.confirmedThrough} (no later source seen shows it still in force), confirm or override` }
        : { zh: '', en: '' };
    steps.push(
      step(
        citationOf(u, provision),
        `参数 ${u.path}${where} = ${display}（自 ${u.effectiveFrom} 起${start.zh}；依据：${from.zh}${note.zh}；可信度 ${u.confidence}${unverified.zh}${stale.zh}）`,
        `Parameter ${u.path}${where} = ${display} (in force from ${u.effectiveFrom}${start.en}; source: ${from.en}${note.en}; confidence ${u.confidence}${unverified.en}${stale.en})`,
        {
          path: u.path,
          value: display,
          effectiveFrom: u.effectiveFrom,
          source: u.source,
          confidence: u.confidence,
          ...(local.local === true ? { local: true } : {}),
          ...(local.note === undefined ? {} : { note: local.note }),
          ...(u.fromParameter === undefined ? {} : { fromParameter: u.fromParameter }),
          ...(u.stale && u.confirmedThrough !== undefined ? { stale: true, confirmedThrough: u.confirmedThrough } : {}),
        },
      ),
    );
  }
  return steps;
}
