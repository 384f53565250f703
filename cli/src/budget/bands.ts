/**
 * Floor bands in the reader's words (`--lang zh|en`): by their rule and the document they come
 * from (`floorName`), short for a table cell (`floorShort`), or by their fields (`bandRule`). The
 * default bands' words are used only while a band has the default figures (read from the library's
 * own list), so the words never state figures that are not in force.
 */
import type { FloorBand, FloorKind } from 'junheng';
import { citationLabel, describedParameter, locationWords, say, type Lang } from '../lang.js';

/** The two default bands' ids, and the documents each comes from. */
const NATIONAL = 'national-under-100';
const DISTRICT = 'district-100-to-200';

let defaults: Map<string, FloorBand> | undefined;

/** The default bands as the library lists them (the latest value of `funding.floors`), by id. */
function defaultBands(): Map<string, FloorBand> {
  if (defaults !== undefined) return defaults;
  const floors = describedParameter('funding.floors');
  const latest = (floors?.history.at(-1)?.value ?? []) as readonly FloorBand[];
  defaults = new Map(latest.map((b) => [b.id, b]));
  return defaults;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => (a ?? []).join() === (b ?? []).join();

/** Whether `band` is the default band of its id, figure for figure (a district may keep an id and change the figures). */
function isDefault(band: FloorBand): boolean {
  const d = defaultBands().get(band.id);
  return (
    d !== undefined &&
    sameList(d.locations, band.locations) &&
    sameList(d.kinds, band.kinds) &&
    d.stage === band.stage &&
    d.above === band.above &&
    d.below === band.below &&
    d.fundedAs === band.fundedAs
  );
}

/** `a`, `a and b`, `a, b and c`. */
const listEn = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`);

const KIND_WORDS: Readonly<Record<FloorKind, { zh: string; en: string }>> = {
  school: { zh: '学校', en: 'school' },
  'teaching-point': { zh: '教学点', en: 'teaching point' },
};

/**
 * A band's rule in words, from its fields: who it covers, the pupils it counts and what they are
 * funded as (`乡村学校超过100人不足250人的按250人核定` / `rural schools with more than 100 and fewer
 * than 250 pupils, funded as 250`).
 */
export function bandRule(band: FloorBand, lang: Lang): string {
  const places = band.locations.map((l) => locationWords(l, lang));
  const kinds = (band.kinds ?? []).map((k) => KIND_WORDS[k][lang]);
  const who =
    lang === 'zh'
      ? [...(places.length > 0 ? [`${places.join('、')}学校`] : []), ...kinds.map((k) => `${places.length > 0 ? '所有' : ''}${k}`)].join('和')
      : [...(places.length > 0 ? [`${listEn(places)} schools`] : []), ...kinds.map((k) => `${places.length > 0 ? 'every ' : ''}${k}`)].join(' and ');
  if (lang === 'zh') {
    const stage = band.stage === undefined ? '' : band.stage === 'primary' ? '小学' : '初中';
    const range = band.above === undefined ? `不足${band.below}人` : `超过${band.above}人不足${band.below}人`;
    return `${who}${stage === '' ? '' : `${stage}在校生`}${range}的按${band.fundedAs}人核定`;
  }
  const stage = band.stage === undefined ? 'pupils' : `${band.stage} pupils`;
  const range = band.above === undefined ? `fewer than ${band.below}` : `more than ${band.above} and fewer than ${band.below}`;
  return `${who} with ${range} ${stage}, funded as ${band.fundedAs}`;
}

/**
 * A floor band in words, with the document it comes from: the national band
 * (`农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）` / `rural school or teaching point
 * under 100 pupils, funded as 100 (国发〔2015〕67号)`) and the opinion's band (5.1, 100–200 → 200) in
 * fixed words; any other band by its id — or, when `band` (its fields) is given, its id and its
 * rule ({@link bandRule}). A default id whose figures a patch changed is said by its rule, so the
 * words never state figures that are not in force. `null` (no band) is `''`.
 */
export function floorName(bandId: string | null, lang: Lang, band?: FloorBand): string {
  if (bandId === null) return '';
  if (band === undefined || isDefault(band)) {
    if (bandId === NATIONAL) {
      return say(lang, `农村小规模学校和教学点不足100人的按100人核定（${citationLabel('gf-2015-67', 'zh')}）`, `rural school or teaching point under 100 pupils, funded as 100 (${citationLabel('gf-2015-67', 'en')})`);
    }
    if (bandId === DISTRICT) {
      return say(lang, `农村超过100人不足200人的学校按200人核定（${citationLabel('5.1', 'zh')}）`, `rural school of more than 100 and fewer than 200 pupils, funded as 200 (${citationLabel('5.1', 'en')})`);
    }
  }
  if (band === undefined) return bandId;
  return lang === 'zh' ? `${bandId}（${bandRule(band, 'zh')}）` : `${bandId} (${bandRule(band, 'en')})`;
}

/**
 * A floor band for a table cell: short, the rule in figures (`不足100人按100` / `under 100 → 100`;
 * `100–200人按200（意见5.1）` / `100–200 → 200 (5.1)`); any other band (or a default id with patched
 * figures, when `band` is given) by its id. `null` is `''`.
 */
export function floorShort(bandId: string | null, lang: Lang, band?: FloorBand): string {
  if (bandId === null) return '';
  if (band === undefined || isDefault(band)) {
    if (bandId === NATIONAL) return say(lang, '不足100人按100', 'under 100 → 100');
    if (bandId === DISTRICT) return say(lang, '100–200人按200（意见5.1）', '100–200 → 200 (5.1)');
  }
  return bandId;
}

