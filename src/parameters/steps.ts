import { step, type ExplanationStep } from '../core/explain.js';
import type { UsedValue } from '../core/resolve.js';
import type { ProvisionId } from '../provisions/index.js';
import { sources } from './sources.js';

/**
 * The citation for a value read: its national source id, or the opinion's provision for a value
 * the opinion sets; none for junheng's own readings or a user's override.
 *
 * @internal
 */
export function citationOf(used: UsedValue | undefined, provision: ProvisionId = '5.1'): string | undefined {
  if (used === undefined || used.source === 'override' || used.source === 'junheng') return undefined;
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

/** One explanation step per parameter value read, with its date, source and confidence. @internal */
export function parameterSteps(values: Iterable<UsedValue>, provision: ProvisionId = '5.1'): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  for (const u of values) {
    const display = u.value === null ? 'null' : Array.isArray(u.value) ? u.value.join(', ') : String(u.value);
    const where = u.region === undefined ? '' : ` [${u.region}]`;
    const from = u.source === 'override' ? { zh: '用户覆盖值', en: 'user override' } : (sources as Record<string, { title: { zh: string; en: string } }>)[u.source]?.title ?? { zh: u.source, en: u.source };
    const unverified = u.confidence === 'unverified' ? { zh: '；未经核实，请确认或覆盖', en: '; not verified, confirm or override' } : { zh: '', en: '' };
    steps.push(
      step(
        citationOf(u, provision),
        `参数 ${u.path}${where} = ${display}（自 ${u.effectiveFrom} 起；依据：${from.zh}；可信度 ${u.confidence}${unverified.zh}）`,
        `Parameter ${u.path}${where} = ${display} (in force from ${u.effectiveFrom}; source: ${from.en}; confidence ${u.confidence}${unverified.en})`,
        { path: u.path, value: display, effectiveFrom: u.effectiveFrom, source: u.source, confidence: u.confidence },
      ),
    );
  }
  return steps;
}
