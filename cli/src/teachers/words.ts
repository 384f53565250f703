/**
 * The words of `junheng teachers` in the reader's language: column headings, status names, the
 * completion line. JSON keys and values never take them; CSV in English keeps the machine words
 * (`met`, `true`) it always had.
 */
import type { TrainingStatus } from 'junheng';
import { say, type Lang } from '../lang.js';

/** A status as a reader says it: 已完成 / 进行中 / 未完成, met / in progress / not met. */
export const STATUS_WORDS: Readonly<Record<Lang, Readonly<Record<TrainingStatus, string>>>> = {
  zh: { met: '已完成', 'in-progress': '进行中', 'not-met': '未完成' },
  en: { met: 'met', 'in-progress': 'in progress', 'not-met': 'not met' },
};

/** The statuses in the order every report lists them. */
export const STATUSES: readonly TrainingStatus[] = ['met', 'in-progress', 'not-met'];

/** What each status means, for the status line and the chart's legend. */
export const STATUS_MEANING: Readonly<Record<Lang, Readonly<Record<TrainingStatus, string>>>> = {
  zh: { met: '已修满应修学时', 'in-progress': '学时不足，周期尚未结束，不视为未达标', 'not-met': '学时不足，周期已结束' },
  en: { met: 'completed the hours owed', 'in-progress': 'short, the cycle not yet over: not a breach', 'not-met': 'short, the cycle over' },
};

/** The columns of the table, the HTML table and the xlsx sheet (the name column only when the input has one). */
export function tableHeaders(lang: Lang, named: boolean): string[] {
  const h = lang === 'zh' ? ['教师', '姓名', '已修学时', '应修学时', '尚差学时', '状态'] : ['teacher', 'name', 'completed', 'required', 'shortfall', 'status'];
  if (!named) h.splice(1, 1);
  return h;
}

/**
 * The CSV header: in English the machine names it always had (`teacher_id,completed_hours,…`), in
 * Chinese the words a spreadsheet reader wants; `name` / 姓名 second when the input has names.
 */
export function csvHeader(lang: Lang, named: boolean): string {
  const h =
    lang === 'zh'
      ? ['教师编号', '姓名', '已修学时', '应修学时', '尚差学时', '状态', '是否合规']
      : ['teacher_id', 'name', 'completed_hours', 'required_hours', 'shortfall', 'status', 'compliant'];
  if (!named) h.splice(1, 1);
  return `${h.join(',')}\n`;
}

/** A CSV cell for a status: the machine word in English (`in-progress`), the reader's word in Chinese. */
export const csvStatus = (lang: Lang, status: TrainingStatus): string => (lang === 'zh' ? STATUS_WORDS.zh[status] : status);

/** A CSV cell for `compliant`: `true` / `false` in English, 是 / 否 in Chinese. */
export const csvCompliant = (lang: Lang, compliant: boolean): string => (lang === 'zh' ? (compliant ? '是' : '否') : String(compliant));

/**
 * The completion rate `met ÷ total` as a percentage for display, one decimal, rounded DOWN: a rate
 * just short of 100 % never reads as 100 % (G9 asks 100 % exactly), and a positive one never as 0.
 * `—` for no teachers. The exact fraction stays in the JSON output.
 */
export function ratePercent(met: number, total: number): string {
  if (total === 0) return '—';
  const tenths = Math.floor((met * 1000) / total);
  const shown = met > 0 && tenths === 0 ? 1 : tenths;
  return `${Math.floor(shown / 10)}.${shown % 10}`;
}

/** `85.0 %` / `85.0%`, as the language writes a percentage. */
export const percentText = (lang: Lang, percent: string): string => (percent === '—' ? percent : say(lang, `${percent}%`, `${percent} %`));
