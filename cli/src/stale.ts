/**
 * The footer lines every command prints about the parameter values it used: the unverified ones
 * (junheng's readings, the opinion's effective date) and the stale ones (values no source seen
 * shows still in force on the day).
 */
import { describeParameters, type ParameterListing } from 'junheng';
import { citationLabels, FOOTER, parameterName, type Lang } from './lang.js';

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

/** Units as a Chinese reader writes them. */
const UNITS_ZH: Readonly<Record<string, string>> = {
  'yuan/pupil/year': '元/生·年',
  'yuan/boarder/year': '元/寄宿生·年',
  'pupils/class': '人/班',
  pupils: '人',
  'hours/cycle': '学时/周期',
  years: '年',
  'teachers/100 pupils': '人/百名学生',
  'm²/pupil': '平方米/生',
  'yuan/pupil': '元/生',
  'classrooms/100 pupils': '间/百名学生',
  indicators: '项',
  classes: '个班',
  'm²': '平方米',
  schools: '所',
  days: '天',
  'minutes/day': '分钟/天',
  'staff/school': '人/校',
};

const REGIONS_ZH: Readonly<Record<string, string>> = { east: '东部', central: '中部', west: '西部' };

/**
 * A parameter value in words, in `lang`: its name, value and unit, and its region
 * (`小学生均公用经费基准定额 600 元/生·年（中部）`; a list of floor bands by their ids).
 */
export function valueInWords(p: ParameterListing, lang: Lang): string {
  units ??= new Map(describeParameters().map((d) => [d.path, d.unit]));
  const v = p.value;
  const unit = units.get(p.path);
  let text = shown(p);
  if (lang === 'zh' && unit !== undefined && !Array.isArray(v) && v !== null) text = `${String(v)}${unit === 'share' || unit === 'rate' || unit === 'coefficient' || unit === 'weight' ? '' : ` ${UNITS_ZH[unit] ?? unit}`}`;
  const region = p.region === undefined ? '' : lang === 'zh' ? `（${REGIONS_ZH[p.region] ?? p.region}）` : ` (${p.region})`;
  return `${parameterName(p.path, lang)} ${text}${region}`;
}

/**
 * The footer lines on the parameter values a result used, in words and in `lang`, the same in every
 * command: one line naming the unverified values (junheng's own readings, with the date parameter
 * they start from), then one line per confirmation date for the stale ones.
 */
export function parameterFooter(bearing: readonly ParameterListing[], all: readonly ParameterListing[], asOf: string, lang: Lang): string[] {
  const lines: string[] = [];
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const unverified = unverifiedPaths(bearing, all).map((path) => {
    const p = all.find((q) => q.path === path);
    return p === undefined ? parameterName(path, lang) : valueInWords(p, lang);
  });
  if (unverified.length > 0) lines.push(`${FOOTER.unverified[lang]}${colon}${[...new Set(unverified)].join(sep)}`);
  const byDate = new Map<string, string[]>();
  for (const p of bearing) {
    if (!p.stale || p.confirmedThrough === undefined) continue;
    const list = byDate.get(p.confirmedThrough) ?? [];
    const item = valueInWords(p, lang);
    if (!list.includes(item)) list.push(item);
    byDate.set(p.confirmedThrough, list);
  }
  for (const date of [...byDate.keys()].sort()) lines.push(`${FOOTER.stale[lang](date, asOf)}${colon}${(byDate.get(date) as string[]).join(sep)}`);
  return lines;
}

/** The footer's line of citations, in `lang`: documents by their number, the opinion's items by number. */
export function citesLine(ids: readonly string[], lang: Lang): string {
  return `${FOOTER.cites[lang]}${lang === 'zh' ? '：' : ': '}${citationLabels(ids, lang).join(lang === 'zh' ? '；' : '; ')}`;
}
