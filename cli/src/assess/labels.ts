/**
 * The words of `junheng assess` in the reader's language: stages, the seven indicators, statuses,
 * the verdict, the dimensions, and numbers rounded for display (the JSON output keeps them exact).
 */
import type { BalanceGapResult, CountyAssessment, IndicatorId, SchoolAdditions, SchoolAssessment, Verdict } from 'junheng';
import { say, type Lang } from '../lang.js';

/** A text in both languages. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/** The stages, in the order every report lists them. */
export const STAGES = ['primary', 'junior'] as const;
/** One of {@link STAGES}. */
export type StageName = (typeof STAGES)[number];

export const STAGE: Readonly<Record<StageName, Words>> = {
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior' },
};

/** The seven indicator ids, in order. */
export const INDICATOR_IDS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const satisfies readonly IndicatorId[];

/**
 * The seven indicators of 教督〔2017〕6号 as a table or chart names them: the document's own words
 * in Chinese (shortened where it repeats itself), a short English label, and the unit of a value.
 */
export const INDICATOR: Readonly<Record<IndicatorId, { readonly name: Words; readonly unit: Words }>> = {
  L1: { name: { zh: '每百名学生拥有高于规定学历教师数', en: 'qualified teachers /100 pupils' }, unit: { zh: '人/百名学生', en: 'teachers/100 pupils' } },
  L2: { name: { zh: '每百名学生拥有县级及以上骨干教师数', en: 'backbone teachers /100 pupils' }, unit: { zh: '人/百名学生', en: 'teachers/100 pupils' } },
  L3: { name: { zh: '每百名学生拥有体育、艺术专任教师数', en: 'PE & arts teachers /100 pupils' }, unit: { zh: '人/百名学生', en: 'teachers/100 pupils' } },
  L4: { name: { zh: '生均教学及辅助用房面积', en: 'teaching & auxiliary m²/pupil' }, unit: { zh: '平方米/生', en: 'm²/pupil' } },
  L5: { name: { zh: '生均体育运动场馆面积', en: 'sports area m²/pupil' }, unit: { zh: '平方米/生', en: 'm²/pupil' } },
  L6: { name: { zh: '生均教学仪器设备值', en: 'equipment yuan/pupil' }, unit: { zh: '元/生', en: 'yuan/pupil' } },
  L7: { name: { zh: '每百名学生拥有网络多媒体教室数', en: 'multimedia rooms /100 pupils' }, unit: { zh: '间/百名学生', en: 'classrooms/100 pupils' } },
};

/** The quantities "what it would take" adds, in order, with the indicator each raises. */
export const ADDITIONS = ['qualifiedTeachers', 'backboneTeachers', 'peArtTeachers', 'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms'] as const satisfies ReadonlyArray<keyof SchoolAdditions>;

/** What each addition is, and its unit (none for a count of teachers or classrooms). */
export const ADDITION_WORD: Readonly<Record<(typeof ADDITIONS)[number], { readonly name: Words; readonly unit: Words }>> = {
  qualifiedTeachers: { name: { zh: '高学历教师', en: 'qualified teachers' }, unit: { zh: '人', en: '' } },
  backboneTeachers: { name: { zh: '骨干教师', en: 'backbone teachers' }, unit: { zh: '人', en: '' } },
  peArtTeachers: { name: { zh: '体育艺术教师', en: 'PE/arts teachers' }, unit: { zh: '人', en: '' } },
  teachingAuxiliaryArea: { name: { zh: '教学及辅助用房', en: 'teaching and auxiliary area' }, unit: { zh: ' m²', en: ' m²' } },
  sportsArea: { name: { zh: '运动场馆', en: 'sports area' }, unit: { zh: ' m²', en: ' m²' } },
  equipmentValue: { name: { zh: '仪器设备', en: 'equipment' }, unit: { zh: ' 元', en: ' yuan' } },
  multimediaClassrooms: { name: { zh: '多媒体教室', en: 'multimedia classrooms' }, unit: { zh: '间', en: '' } },
};

/** The column headers of the additions: the name, and the unit of an area or an amount. */
export const ADDITION: Readonly<Record<(typeof ADDITIONS)[number], Words>> = {
  qualifiedTeachers: { zh: '高学历教师', en: 'qualified' },
  backboneTeachers: { zh: '骨干教师', en: 'backbone' },
  peArtTeachers: { zh: '体育艺术教师', en: 'PE/arts' },
  teachingAuxiliaryArea: { zh: '教学及辅助用房 m²', en: 'teaching m²' },
  sportsArea: { zh: '运动场馆 m²', en: 'sports m²' },
  equipmentValue: { zh: '仪器设备 元', en: 'equipment yuan' },
  multimediaClassrooms: { zh: '多媒体教室', en: 'classrooms' },
};

/** The dimensions of the assessment, as the document names them. */
export const DIMENSION = {
  resources: { zh: '资源配置', en: 'Resource allocation' },
  guarantees: { zh: '政府保障程度', en: 'Government guarantees' },
  quality: { zh: '教育质量', en: 'Education quality' },
  recognition: { zh: '社会认可度', en: 'Public recognition' },
  vetoes: { zh: '一票否决', en: 'One-vote vetoes' },
  gap: { zh: '补足差距', en: 'What it would take' },
} as const satisfies Record<string, Words>;

/** An item's status (guarantees, quality, recognition) in words. */
export const ITEM_STATUS: Readonly<Record<'passes' | 'fails' | 'needs-evidence', Words>> = {
  passes: { zh: '达到', en: 'passes' },
  fails: { zh: '未达到', en: 'FAILS' },
  'needs-evidence': { zh: '待补证据', en: 'needs evidence' },
};

/** A veto's status in words. */
export const VETO_STATUS: Readonly<Record<'triggered' | 'clear' | 'needs-evidence', Words>> = {
  triggered: { zh: '触发', en: 'TRIGGERED' },
  clear: { zh: '未触发', en: 'clear' },
  'needs-evidence': { zh: '待补证据', en: 'needs evidence' },
};

/** A whole dimension's status (every item passes, some fail, some need evidence). */
export const DIMENSION_STATUS: Readonly<Record<'passes' | 'fails' | 'needs-evidence', Words>> = {
  passes: { zh: '全部达到', en: 'all pass' },
  fails: { zh: '有未达到的项目', en: 'some fail' },
  'needs-evidence': { zh: '有待补证据的项目', en: 'some need evidence' },
};

export const VERDICT: Readonly<Record<Verdict, Words>> = {
  meets: { zh: '达到优质均衡要求（四个方面均达到，未触发一票否决）', en: 'MEETS (all four dimensions, no veto)' },
  fails: { zh: '未达到优质均衡要求', en: 'FAILS' },
  'needs-evidence': { zh: '尚需补充证据（已判定的项目均未发现不达标）', en: 'NEEDS EVIDENCE (nothing decided fails)' },
};

/** The verdict in a word or two (the report's headline figure). */
export const VERDICT_SHORT: Readonly<Record<Verdict, Words>> = {
  meets: { zh: '达到', en: 'meets' },
  fails: { zh: '未达到', en: 'fails' },
  'needs-evidence': { zh: '待补证据', en: 'needs evidence' },
};

/** Complies / does not comply. */
export const complies = (ok: boolean, lang: Lang): string => (ok ? say(lang, '达到要求', 'complies') : say(lang, '未达到要求', 'does not comply'));

/** A school's result in words: excluded (a small teaching point), complies, or fails. */
export const schoolResult = (s: SchoolAssessment, lang: Lang): string =>
  s.excluded ? say(lang, '不参评', 'excluded') : s.compliant ? say(lang, '达到', 'complies') : say(lang, '未达到', 'FAILS');

/** The status of a dimension made of items. */
export function dimensionStatus(items: ReadonlyArray<{ status: string }>): 'passes' | 'fails' | 'needs-evidence' {
  if (items.some((i) => i.status === 'fails')) return 'fails';
  if (items.some((i) => i.status === 'needs-evidence')) return 'needs-evidence';
  return 'passes';
}

/** The vetoes in words: triggered, undecided, or none. */
export function vetoesSummary(a: CountyAssessment, lang: Lang): string {
  if (a.vetoes.triggered) return say(lang, '有触发', 'TRIGGERED');
  if (a.vetoes.items.some((i) => i.status === 'needs-evidence')) return say(lang, '无触发，有待补证据的项目', 'none triggered, some need evidence');
  return say(lang, '无触发', 'none triggered');
}

// ---------------------------------------------------------------- numbers for display

/** `x` with at most `digits` decimals, trailing zeros dropped (`0.0790` → `0.079`). */
export function num(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * An indicator value for display: whole yuan for L6, else two decimals. A value under its threshold
 * that would round up to it is cut instead (3.8999 under 3.9 shows 3.89), so a reader never sees a
 * missed indicator shown at its threshold.
 */
export function valueText(id: IndicatorId, x: number, threshold?: number): string {
  const digits = id === 'L6' ? 0 : 2;
  const text = num(x, digits);
  if (threshold !== undefined && x < threshold && Number(text) >= threshold) {
    const f = 10 ** digits;
    return num(Math.floor(x * f) / f, digits);
  }
  return text;
}

/** A coefficient for display: four decimals. */
export const coefficientText = (x: number): string => num(x, 4);

/** A share of a threshold as a percentage, cut (not rounded) to 0.1 %: 0.92499 → `92.4`. */
export const shareText = (share: number): string => String(Math.floor(share * 1000) / 10);

/** The surveyed satisfied share as a percentage, cut to 0.01 %: `87.86`. */
export const recognitionPercent = (share: number): string => (Math.floor(share * 10_000) / 100).toFixed(2);

/**
 * A reason as the library words it, with long decimals rounded for display: `1.013374485596707818930041152263`
 * → `1.013` (five or more decimals are cut to three, rounded). The exact values stay in the JSON.
 */
export const roundLongDecimals = (text: string): string => text.replace(/\d+\.\d{5,}/g, (m) => num(Number(m), 3));

/** A school's missed indicators in words: `L1 92.5%, L5 70% (below 85 %)`. */
export function missedText(s: SchoolAssessment, nearMissPercent: string, lang: Lang): string {
  return s.missed
    .map((m) => `${m.id} ${shareText(m.shareOfThreshold)}%${m.nearMiss ? '' : say(lang, `（低于 ${nearMissPercent}%）`, ` (below ${nearMissPercent} %)`)}`)
    .join(say(lang, '，', ', '));
}

/** The gap's target in words. */
export const gapTarget = (g: BalanceGapResult, lang: Lang): string =>
  g.target === 'all' ? say(lang, '每项指标均达标', 'every indicator met') : say(lang, '刚好达到要求', 'just enough to comply');

/** A county's name as a heading shows it: `X县（130000-XX）`, or its number in a province. */
export function countyName(a: CountyAssessment, index: number | undefined, lang: Lang): string {
  const id = a.id === undefined ? undefined : say(lang, `（${a.id}）`, ` (${a.id})`);
  if (a.name !== undefined) return `${a.name}${id ?? ''}`;
  if (a.id !== undefined) return a.id;
  return index === undefined ? say(lang, '本县', 'County') : say(lang, `第 ${index + 1} 个县`, `County ${index + 1}`);
}

/** A county's key in data outputs (CSV, xlsx): its id, else its name, else its number (1-based). */
export const countyKey = (a: CountyAssessment, index: number): string => a.id ?? a.name ?? String(index + 1);

/** Yes / no. */
export const yesNo = (ok: boolean, lang: Lang): string => (ok ? say(lang, '是', 'yes') : say(lang, '否', 'no'));
