/**
 * The words of `junheng classes` in the reader's language: the bands with their thresholds in the
 * inclusive wording of the sources (国发〔2016〕40号 "56人以上" includes 56: 大班额（56人及以上）),
 * the rows of the table (全部 / 学段 / 学校 / 镇街), the deadline of opinion 2.3 in words, the warnings,
 * and the footer (one wording across commands: `citesLine`, `parameterFooter`).
 */
import type { ClassSizeReportParams, ClassSizeReportResult, GroupKey } from 'junheng';
import { FOOTER, grouped, locationWords, say, type Lang } from '../lang.js';
import { quoted } from '../csv.js';
import type { Band, Kind, ListedClass, ZeroClasses } from './collect.js';
import type { SchoolSeen } from './read.js';

/** A whole number with thousands separators (`3600000` → `3,600,000`). */
export const count = (n: number): string => grouped(String(n));

/** A share as a percentage rounded to two decimals, for display (`0.0807…` → `8.07%`); JSON keeps it exact. */
export const percent = (x: number): string => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;

/**
 * The short name of a band, with its sizes where the band is a range of sizes: 标准班额, 超标准班额,
 * 大班额（56–65人）, 超大班额（66人及以上）/ standard, over-standard, large (56–65), super-large (66+).
 * The large column counts 56–65 only (its super-large classes are the next column), so its label
 * says so; the share's label says 56人及以上.
 */
export function bandLabel(band: Band, p: ClassSizeReportParams, lang: Lang): string {
  switch (band) {
    case 'standard':
      return say(lang, '标准班额', 'standard');
    case 'over-standard':
      return say(lang, '超标准班额', 'over-standard');
    case 'large':
      return say(lang, `大班额（${p.largeFrom}–${p.superLargeFrom - 1}人）`, `large (${p.largeFrom}–${p.superLargeFrom - 1})`);
    case 'super-large':
      return say(lang, `超大班额（${p.superLargeFrom}人及以上）`, `super-large (${p.superLargeFrom}+)`);
  }
}

/** The label of the large-class share: 大班额占比（56人及以上） / large share (56+). */
export const shareLabel = (p: ClassSizeReportParams, lang: Lang): string => say(lang, `大班额占比（${p.largeFrom}人及以上）`, `large share (${p.largeFrom}+)`);

/**
 * The bands in words, with their sources: what each column counts, in the inclusive wording of
 * 国发〔2016〕40号 (以上 includes the number) and the standard sizes of GB 50099-2011.
 */
export function bandsLine(p: ClassSizeReportParams, lang: Lang): string {
  const s = p.standard;
  return say(
    lang,
    `班额类别：标准班额＝不超过标准班额（小学 ${s.primary} 人，非完全小学 ${s.incompletePrimary} 人，初中 ${s.junior} 人；GB 50099-2011）；超标准班额＝超过标准班额、不足 ${p.largeFrom} 人；大班额＝${p.largeFrom} 人及以上（国发〔2016〕40号“${p.largeFrom}人以上”含 ${p.largeFrom} 人），其中 ${p.superLargeFrom} 人及以上为超大班额；大班额占比＝（大班额＋超大班额）÷ 班级数。`,
    `Bands: standard = at most the standard size (primary ${s.primary}, incomplete primary ${s.incompletePrimary}, junior ${s.junior}; GB 50099-2011); over-standard = above it and under ${p.largeFrom}; large = ${p.largeFrom} or more (国发〔2016〕40号 "${p.largeFrom}人以上" includes ${p.largeFrom}), of which ${p.superLargeFrom} or more is super-large; large share = (large + super-large) ÷ classes.`,
  );
}

/** The kind of a row of the table: 全部 / 学段 / 学校 / 镇街 / 城乡类型 (all / stage / school / town / location). */
export function scopeLabel(scope: 'all' | 'stage' | GroupKey, lang: Lang): string {
  switch (scope) {
    case 'all':
      return say(lang, '全部', 'all');
    case 'stage':
      return say(lang, '学段', 'stage');
    case 'schoolId':
      return say(lang, '学校', 'school');
    case 'town':
      return say(lang, '镇街', 'town');
    case 'location':
      return say(lang, '城乡类型', 'location');
  }
}

const STAGE = { primary: { zh: '小学', en: 'primary' }, junior: { zh: '初中', en: 'junior' } } as const;

/** A stage in words: 小学 / 初中 (primary / junior). */
export const stageLabel = (stage: 'primary' | 'junior', lang: Lang): string => STAGE[stage][lang];

/** A kind of class in words: 小学 / 非完全小学 / 初中. */
export const kindLabel = (kind: Kind, lang: Lang): string =>
  kind === 'incompletePrimary' ? say(lang, '非完全小学', 'incomplete primary') : STAGE[kind][lang];

/** A location in words: 城区 / 镇区 / 乡村 (urban / town / rural); anything else as written. */
export const locationLabel = (location: string | undefined, lang: Lang): string =>
  location === undefined ? '' : locationWords(location, lang);

/** The value of a group's key in words: a stage or location translated, a missing one （未填） / (none). */
export function keyLabel(scope: 'all' | 'stage' | GroupKey, key: string | null, lang: Lang): string {
  if (key === null) return say(lang, '（未填）', '(none)');
  if (scope === 'stage' && (key === 'primary' || key === 'junior')) return stageLabel(key, lang);
  if (scope === 'location') return locationLabel(key, lang);
  return key;
}

/**
 * The deadline of opinion 2.3 in words: the date, the days remaining (or since it passed), the
 * large classes (56+) of 城镇 schools, and those that give no location (not counted).
 */
export function deadlineLine(r: ClassSizeReportResult, p: ClassSizeReportParams, lang: Lang): string {
  const d = r.deadline;
  const unknown = d.largeWithoutLocation;
  if (lang === 'zh') {
    const when = d.passed ? `截至 ${d.asOf} 已过期限 ${-d.daysRemaining} 天` : d.daysRemaining === 0 ? `${d.asOf} 即期限当日` : `截至 ${d.asOf} 尚余 ${d.daysRemaining} 天`;
    const left = `城镇（城区、镇区）学校大班额（${p.largeFrom}人及以上）${count(d.urbanAndTownLarge)} 个`;
    const state = d.remainAfterDeadline ? '：期限已过，大班额仍未消除' : d.passed ? '：已全部消除' : '';
    const rest = unknown > 0 ? `（另有 ${count(unknown)} 个大班额未注明城乡类型，未计入）` : '';
    return `期限（《意见》2.3）：${d.date} 前全面解决城镇中小学大班额问题；${when}；${left}${rest}${state}。`;
  }
  const when = d.passed ? `passed ${-d.daysRemaining} day${d.daysRemaining === -1 ? '' : 's'} ago` : `${d.daysRemaining} day${d.daysRemaining === 1 ? '' : 's'} remaining`;
  const left = `${count(d.urbanAndTownLarge)} urban/town large class${d.urbanAndTownLarge === 1 ? '' : 'es'} (${p.largeFrom}+)`;
  const rest = unknown > 0 ? ` (${count(unknown)} large class${unknown === 1 ? '' : 'es'} without a location not counted)` : '';
  const state = d.remainAfterDeadline ? ': LARGE CLASSES REMAIN AFTER THE DEADLINE' : d.passed ? ': none remain' : '';
  return `Deadline (opinion 2.3, large classes in urban and town (城镇) schools eliminated by ${d.date}): ${when}; ${left}${rest}${state}.`;
}

/** The footer's date line: 计算日期：2025-09-01 / As of 2025-09-01. */
export const asOfLine = (asOf: string, lang: Lang): string => say(lang, `${FOOTER.asOf.zh}：${asOf}`, `${FOOTER.asOf.en} ${asOf}.`);

// ---------------------------------------------------------------- warnings

/** Where a class was read: `line 12` / `第 12 行` in a CSV, `classes[3]` in JSON. */
export function placeLabel(at: number, csv: boolean, lang: Lang): string {
  if (!csv) return `classes[${at}]`;
  return say(lang, `第 ${at} 行`, `line ${at}`);
}

/** A class named by its id and school, in `lang`: `（班级 "1-1"，学校 "S01"）` / ` (class "1-1", school "S01")`. */
function classWho(row: ListedClass['row'], lang: Lang): string {
  const parts: string[] = [];
  if (row.id !== undefined) parts.push(say(lang, `班级 ${quoted(row.id)}`, `class ${quoted(row.id)}`));
  if (row.schoolId !== undefined) parts.push(say(lang, `学校 ${quoted(row.schoolId)}`, `school ${quoted(row.schoolId)}`));
  if (parts.length === 0) return '';
  return lang === 'zh' ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`;
}

const valueText = (v: string | undefined, lang: Lang, location: boolean): string =>
  v === undefined ? say(lang, '（未填）', '(none)') : location ? locationLabel(v, lang) : quoted(v);

/**
 * The warnings of a roster, in `lang`, the first {@link import('./collect.js').WARNING_LIMIT} of each
 * kind: classes of 0 pupils (counted as standard: the rules band them so, but a class without pupils
 * is usually a row to correct); schools whose rows give two towns or two locations (each class is
 * counted under its own, so the school is split); large classes that give no location (the deadline
 * cannot count them). Returns the lines and how many warnings there are in all.
 */
export function classWarnings(
  zero: ZeroClasses,
  disagreeing: readonly SchoolSeen[],
  largeWithoutLocation: number,
  csv: boolean,
  lang: Lang,
  limit: number,
): { lines: string[]; count: number } {
  const lines: string[] = [];
  for (const z of zero.first) {
    if (lines.length >= limit) break;
    lines.push(say(
      lang,
      `${placeLabel(z.at, csv, lang)}${classWho(z.row, lang)}：班额为 0 人，按标准班额计入；请核对（无学生的班级通常应删去或更正）`,
      `${placeLabel(z.at, csv, lang)}${classWho(z.row, lang)}: 0 pupils, counted as a standard class; check the roster (a class without pupils is usually a row to remove or correct)`,
    ));
  }
  for (const s of disagreeing) {
    if (lines.length >= limit) break;
    if (s.otherTown !== undefined) {
      lines.push(say(
        lang,
        `学校 ${quoted(s.id)} 的班级分属不同镇街：${placeLabel(s.at, csv, lang)}为 ${valueText(s.town, lang, false)}，${placeLabel(s.otherTown.at, csv, lang)}为 ${valueText(s.otherTown.value, lang, false)}；按镇街分组时该校被拆分计入；请核对`,
        `school ${quoted(s.id)}: its classes give different towns, ${valueText(s.town, lang, false)} (${placeLabel(s.at, csv, lang)}) and ${valueText(s.otherTown.value, lang, false)} (${placeLabel(s.otherTown.at, csv, lang)}); grouped by town, the school is split; check the roster`,
      ));
    }
    if (s.otherLocation !== undefined && lines.length < limit) {
      lines.push(say(
        lang,
        `学校 ${quoted(s.id)} 的班级城乡类型不同：${placeLabel(s.at, csv, lang)}为 ${valueText(s.location, lang, true)}，${placeLabel(s.otherLocation.at, csv, lang)}为 ${valueText(s.otherLocation.value, lang, true)}；期限按各班所填的城乡类型计算；请核对`,
        `school ${quoted(s.id)}: its classes give different locations, ${valueText(s.location, lang, true)} (${placeLabel(s.at, csv, lang)}) and ${valueText(s.otherLocation.value, lang, true)} (${placeLabel(s.otherLocation.at, csv, lang)}); the deadline counts each class by its own; check the roster`,
      ));
    }
  }
  if (largeWithoutLocation > 0 && lines.length < limit) {
    lines.push(say(
      lang,
      `${count(largeWithoutLocation)} 个大班额未注明城乡类型（location / 城乡类型），无法判断是否属城镇，期限未计入`,
      `${count(largeWithoutLocation)} large class${largeWithoutLocation === 1 ? '' : 'es'} give${largeWithoutLocation === 1 ? 's' : ''} no location (location / 城乡类型): whether urban or town cannot be told, so the deadline does not count ${largeWithoutLocation === 1 ? 'it' : 'them'}`,
    ));
  }
  let total = zero.count + (largeWithoutLocation > 0 ? 1 : 0);
  for (const s of disagreeing) total += (s.otherTown === undefined ? 0 : 1) + (s.otherLocation === undefined ? 0 : 1);
  return { lines, count: total };
}

/** The stderr lines of the warnings: `junheng: warning: …` / `junheng：提示：…`, then a count of those not shown. */
export function warningStderr(found: { lines: readonly string[]; count: number }, lang: Lang): string {
  const prefix = say(lang, 'junheng：提示：', 'junheng: warning: ');
  let text = found.lines.map((l) => `${prefix}${l}\n`).join('');
  const more = found.count - found.lines.length;
  if (more > 0) text += `${say(lang, `junheng：另有 ${count(more)} 条提示未列出`, `junheng: … and ${count(more)} more warning${more === 1 ? '' : 's'}, not shown`)}\n`;
  return text;
}
