/**
 * The footer lines every command prints about the parameter values it used: the unverified ones
 * (junheng's readings, the opinion's effective date) and the stale ones (values no source seen
 * shows still in force on the day).
 */
import { describeParameters, type ParameterListing } from 'junheng';

let units: Map<string, string | undefined> | undefined;

/** A value as a reader sees it: `600 yuan/pupil/year`, a list of floor bands by their ids. */
function shown(p: ParameterListing): string {
  units ??= new Map(describeParameters().map((d) => [d.path, d.unit]));
  const v = p.value;
  const text = Array.isArray(v)
    ? v.map((item) => (typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : String(item))).join(' + ')
    : v === null
      ? 'none'
      : String(v);
  const unit = units.get(p.path);
  return unit === undefined || Array.isArray(v) || v === null ? text : `${text} ${unit}`;
}

/**
 * The paths of the unverified values among `bearing` (junheng's own readings, not a user's value),
 * with the date parameter any of them starts from (`opinion.effectiveFrom`) when that is
 * unverified too: the opinion's rules apply from a date junheng chose.
 */
export function unverifiedPaths(bearing: readonly ParameterListing[], all: readonly ParameterListing[]): string[] {
  const out: string[] = [];
  const add = (path: string): void => {
    if (!out.includes(path)) out.push(path);
  };
  for (const p of bearing) {
    if (p.confidence === 'unverified' && p.source !== 'override' && p.local !== true) add(p.path);
    if (p.fromParameter === undefined) continue;
    const date = all.find((d) => d.path === p.fromParameter);
    if (date !== undefined && date.confidence === 'unverified' && date.source !== 'override' && date.local !== true) add(date.path);
  }
  return out;
}

/**
 * One footer line per confirmation date for the stale values among `bearing`, in words:
 * `Not confirmed since 2016-12-31 (no source seen shows them still in force after that day, and 2025-09-01 is later; confirm or override): funding.benchmark.primary 600 yuan/pupil/year [central], …`.
 * Empty when none is stale.
 */
export function staleLines(bearing: readonly ParameterListing[], asOf: string): string[] {
  const byDate = new Map<string, string[]>();
  for (const p of bearing) {
    if (!p.stale || p.confirmedThrough === undefined) continue;
    const item = `${p.path} ${shown(p)}${p.region === undefined ? '' : ` [${p.region}]`}`;
    const list = byDate.get(p.confirmedThrough) ?? [];
    if (!list.includes(item)) list.push(item);
    byDate.set(p.confirmedThrough, list);
  }
  return [...byDate.keys()]
    .sort()
    .map((date) => {
      const items = byDate.get(date) as string[];
      const them = items.length === 1 ? 'it' : 'them';
      return `Not confirmed since ${date} (no source seen shows ${them} still in force after that day, and ${asOf} is later; confirm or override): ${items.join(', ')}\n`;
    });
}
