/**
 * The reader's language: `--lang zh|en` (default: zh when the locale is Chinese, else en). Headings,
 * labels, footers and explanations follow it; JSON keys never do. What every command shares is
 * here — the footer's wording, amounts with thousands separators, source documents by their number
 * (国发〔2015〕67号), parameters by their name — so the four commands say the same thing the same way.
 */
import { describeParameters, provisions, sources, type Bilingual, type Location, type ParameterDescription } from 'junheng';

/** The languages of the command's output. */
export const LANGS = ['zh', 'en'] as const;
/** One of {@link LANGS}. */
export type Lang = (typeof LANGS)[number];

/**
 * The language of a locale: zh when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set, as the C
 * library reads them) names Chinese (`zh_CN.UTF-8`, `zh-TW`, `zh`), else en.
 */
export function defaultLang(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '') ?? '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** The text of `b` in `lang`. */
export const inLang = (b: Bilingual, lang: Lang): string => b[lang];

/** `zh` or `en`, by `lang`: for the command's own short wording. */
export const say = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/**
 * A decimal text with thousands separators in its whole part: `1459200` → `1,459,200`,
 * `-18434232.5` → `-18,434,232.5`. Text that is not a plain decimal is returned as it is.
 */
export function grouped(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (m === null) return text;
  const whole = m[2] as string;
  if (whole.length <= 3) return text;
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += ',';
    out += whole[i];
  }
  return `${m[1]}${out}${m[3] ?? ''}`;
}

/**
 * A citation as a reader knows it: a source document by its number (`gf-2015-67` → 国发〔2015〕67号)
 * or, without one, its title in `lang`; a provision of the opinion as `意见 5.1` / `opinion 5.1`.
 * Anything else (a local source named in a parameters file) is returned as written.
 */
export function citationLabel(id: string, lang: Lang): string {
  const source = (sources as Readonly<Record<string, { number?: string; title: Bilingual }>>)[id];
  if (source !== undefined) return source.number ?? (lang === 'zh' ? `《${source.title.zh}》` : source.title.en);
  if (provisions.some((p) => p.id === id)) return say(lang, `《意见》${id}`, `opinion ${id}`);
  return id;
}

/** Citations as a reader knows them, without repeats. */
export const citationLabels = (ids: readonly string[], lang: Lang): string[] => [...new Set(ids.map((id) => citationLabel(id, lang)))];

let described: Map<string, ParameterDescription> | undefined;

/** The library's description of the parameter at `path` (its words, unit and kind), read once for every command. */
export function describedParameter(path: string): ParameterDescription | undefined {
  described ??= new Map(describeParameters().map((d) => [d.path, d]));
  return described.get(path);
}

/** The unit of the parameter at `path` (`yuan/pupil/year`), if it has one. */
export const unitOf = (path: string): string | undefined => describedParameter(path)?.unit;

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

/** A unit in `lang`: `yuan/pupil/year` → 元/生·年; a unit without Chinese words as written. */
export const unitWords = (unit: string, lang: Lang): string => (lang === 'zh' ? (UNITS_ZH[unit] ?? unit) : unit);

const REGION_WORDS: Readonly<Record<string, Bilingual>> = {
  east: { zh: '东部', en: 'east' },
  central: { zh: '中部', en: 'central' },
  west: { zh: '西部', en: 'west' },
};

/** A region in words (`central` → 中部 / central); an unknown one as written. */
export const regionWords = (region: string, lang: Lang): string => REGION_WORDS[region]?.[lang] ?? region;

const LOCATION_WORDS: Readonly<Record<Location, Bilingual>> = {
  urban: { zh: '城区', en: 'urban' },
  town: { zh: '镇区', en: 'town' },
  rural: { zh: '乡村', en: 'rural' },
};

/** A location in words, as the statistical 城乡分类 names it (`rural` → 乡村 / rural); anything else as written. */
export const locationWords = (location: string, lang: Lang): string => (LOCATION_WORDS as Readonly<Record<string, Bilingual>>)[location]?.[lang] ?? location;

/** A description without its parenthesised glosses (Chinese terms, item codes, "met exactly is met"). */
const withoutGlosses = (text: string): string => text.replace(/\s*[（(][^（()）]*[)）]/g, '').replace(/\s{2,}/g, ' ');

/**
 * A parameter as a reader names it: the first phrase of its description in `lang`, its glosses in
 * brackets left out (Chinese terms, item codes) and without a trailing "at least" (the value says
 * it): `funding.floors` → 规模较小学校保底核定人数 / Small-school floors;
 * `teachers.rotation.backboneMinShare` → 交流轮岗教师中骨干教师的比例 / Backbone teachers as a share of
 * the teachers rotated. Falls back to the path.
 */
export function parameterName(path: string, lang: Lang): string {
  const description = describedParameter(path)?.description;
  if (description === undefined) return path;
  const text = withoutGlosses(description[lang]);
  let cut =
    lang === 'zh'
      ? (text.split(/[：:，；。]/)[0] ?? text).replace(/(不低于|不少于)$/, '')
      : (text.split(/[:;]|\.\s|, (?=[a-z])/)[0] ?? text).replace(/,? (at least|at most|minimum|maximum)$/i, '');
  cut = cut.replace(/[:：]$/, '').trim() || path;
  // Paths that differ only by stage or school type get it said (小学 / primary).
  const segment = path.split('.').find((part) => Object.hasOwn(STAGE_WORDS, part));
  const qualifier = segment === undefined ? undefined : STAGE_WORDS[segment];
  if (qualifier === undefined || cut.includes(qualifier.zh) || cut.toLowerCase().includes(qualifier.en)) return cut;
  return lang === 'zh' ? `${qualifier.zh}${cut}` : `${cut} (${qualifier.en})`;
}

const STAGE_WORDS: Readonly<Record<string, Bilingual>> = {
  primary: { zh: '小学', en: 'primary' },
  junior: { zh: '初中', en: 'junior' },
  senior: { zh: '高中', en: 'senior' },
  incompletePrimary: { zh: '非完全小学', en: 'incomplete primary' },
  nineYear: { zh: '九年一贯制学校', en: 'nine-year school' },
  twelveYear: { zh: '十二年一贯制学校', en: 'twelve-year school' },
};

/** The words every command's footer uses, in both languages: one wording across commands. */
export const FOOTER = {
  cites: { zh: '依据', en: 'Cites' },
  asOf: { zh: '计算日期', en: 'As of' },
  region: { zh: '地区', en: 'region' },
  unverified: {
    zh: '以下取值为 junheng 的解读，尚未核实（请核实或以 --parameters 覆盖）',
    en: "Values in force that junheng has not verified (its own reading; confirm them or override with --parameters)",
  },
  stale: {
    zh: (date: string, asOf: string) => `以下取值在 ${date} 之后未见来源确认仍然有效（计算日期 ${asOf} 在其后；请核实或覆盖）`,
    en: (date: string, asOf: string) => `Not confirmed since ${date} (no source seen shows them still in force after that day, and ${asOf} is later; confirm or override)`,
  },
  warnings: { zh: '提示', en: 'Warnings' },
} as const;
