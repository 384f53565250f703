/**
 * The footer lines every command prints about the parameter values it used: the unverified ones
 * (junheng's readings, the opinion's effective date) and the stale ones (values no source seen
 * shows still in force on the day).
 */
import type { FloorBand, ParameterListing } from 'junheng';
import { floorName } from './budget/bands.js';
import { citationLabels, describedParameter, FOOTER, parameterName, regionWords, unitOf, unitWords, type Lang } from './lang.js';

/** A value as a reader sees it: `600 yuan/pupil/year`, a list of floor bands by their ids. */
function shown(p: ParameterListing): string {
  const v = p.value;
  const text = Array.isArray(v)
    ? v.map((item) => (typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : String(item))).join(' + ')
    : v === null
      ? 'none'
      : String(v);
  const unit = unitOf(p.path);
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
 * Words for some choices, where the description does not give them plainly: `path=value` → words.
 * Any other choice is read from its parameter's description ({@link choiceWords}).
 */
const CHOICE_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  'funding.disabledPupils=instead': { zh: '替代学段定额', en: 'at the special-education rate instead of the stage benchmark' },
  'funding.disabledPupils=on-top': { zh: '在学段定额之上另加', en: 'at the special-education rate on top of the stage benchmark' },
  'funding.floorMixedStageRate=proportional': { zh: '按学段人数比例', en: "weighted by the school's primary/junior mix" },
  'funding.floorMixedStageRate=primary': { zh: '按小学定额', en: 'at the primary rate' },
  'funding.floorMixedStageRate=junior': { zh: '按初中定额', en: 'at the junior rate' },
};


const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A choice parameter's value in words, in `lang` (`funding.floorMixedStageRate` `proportional` →
 * 按学段人数比例 / weighted by the school's primary/junior mix). Generic: the words junheng keeps for
 * a few choices; else the words its description puts before the value in brackets
 * (`…：替代学段定额（instead）或…` → 替代学段定额; `… instead of the stage benchmark ('instead')`) or
 * after it (`any 任意组合；…` → 任意组合); else the value as written.
 */
export function choiceWords(path: string, value: string, lang: Lang): string {
  const known = CHOICE_WORDS[`${path}=${value}`];
  if (known !== undefined) return known[lang];
  const described = describedParameter(path);
  const description = described?.kind === 'choice' ? described.description[lang] : undefined;
  if (description === undefined) return value;
  const v = escape(value);
  const before = lang === 'zh' ? new RegExp(`([^：:，,；;（(）)、]+?)（${v}[，,）]`).exec(description) : new RegExp(`([^:;()]+?) \\('${v}'\\)`).exec(description);
  if (before !== null) return (before[1] as string).replace(/^[\s,]*(或者|或|or\s|and\s)?/, '').trim();
  const after = lang === 'zh' ? new RegExp(`(?:^|[：:；;，,\\s])${v} ([^；;，,。）)]+)`).exec(description) : null;
  if (after !== null) return (after[1] as string).trim();
  return value;
}

/** Whether a listed value is a list of floor bands (it is said band by band, in words). */
const isBandList = (v: unknown): v is readonly FloorBand[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'object' && item !== null && 'id' in item && 'below' in item && 'fundedAs' in item);

/**
 * A parameter value in words, in `lang`: its name, value and unit, and its region
 * (`小学生均公用经费基准定额 600 元/生·年（中部）`). A choice is said in words ({@link choiceWords}:
 * `proportional` → 按学段人数比例); a list of floor bands band by band, each by its rule and
 * document (`floorName`: 「农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）」); any
 * other list by its items' ids.
 */
export function valueInWords(p: ParameterListing, lang: Lang): string {
  const v = p.value;
  const unit = unitOf(p.path);
  const name = parameterName(p.path, lang);
  const region = p.region === undefined ? '' : lang === 'zh' ? `（${regionWords(p.region, lang)}）` : ` (${p.region})`;
  if (isBandList(v)) {
    if (v.length === 0) return `${name} ${lang === 'zh' ? '无' : 'none'}${region}`;
    const bands = v.map((b) => floorName(b.id, lang, b));
    return lang === 'zh' ? `${name}${bands.map((b) => `「${b}」`).join('')}${region}` : `${name} ${bands.map((b) => `"${b}"`).join(' and ')}${region}`;
  }
  if (typeof v === 'string' && choiceKind(p.path)) return `${name}${lang === 'zh' ? '：' : ': '}${choiceWords(p.path, v, lang)}${region}`;
  let text = shown(p);
  if (lang === 'zh' && unit !== undefined && !Array.isArray(v) && v !== null) text = `${String(v)}${unit === 'share' || unit === 'rate' || unit === 'coefficient' || unit === 'weight' ? '' : ` ${unitWords(unit, lang)}`}`;
  return `${name} ${text}${region}`;
}

/** Whether the parameter at `path` is a choice. */
const choiceKind = (path: string): boolean => describedParameter(path)?.kind === 'choice';

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
