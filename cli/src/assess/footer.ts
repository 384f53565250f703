/**
 * The footer of every `junheng assess` report, in the reader's language and in the words every
 * command uses ({@link citesLine}, {@link parameterFooter}): the documents the result rests on, the
 * unverified values in force, the values no source confirms still in force on the day, and the
 * values of a `--parameters` file.
 *
 * The assessment reads some fifty parameters, most of them in stage families (a threshold per stage
 * and indicator, a limit per stage). A family's stale values are one item in words —
 * `小学资源配置指标下限 L1 4.2、L2 1、…` — instead of one item per value.
 */
import { assessCounty, balanceGap, listParameters, type CalculatorOptions, type ParameterListing } from 'junheng';
import { FOOTER, parameterName, say, type Lang } from '../lang.js';
import type { ParameterFile } from '../read.js';
import { citesLine, parameterFooter } from '../stale.js';
import { INDICATOR_IDS, type Words } from './labels.js';

const STAGE_WORD: Readonly<Record<string, Words>> = {
  primary: { zh: '小学', en: 'primary' },
  junior: { zh: '初中', en: 'junior' },
  nineYear: { zh: '九年一贯制', en: 'nine-year' },
  twelveYear: { zh: '十二年一贯制', en: 'twelve-year' },
};

/** The field of a threshold path, by indicator. */
const THRESHOLD_FIELDS = ['qualifiedTeachers', 'backboneTeachers', 'peArtTeachers', 'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms'] as const;

interface Family {
  /** The family's key and its members' label, or undefined when the path is not one of it. */
  match(path: string): { key: string; name: Words; member: Words; order: number } | undefined;
}

/** A family of one value per stage: `balance.coefficientLimit.primary`, `.junior`. */
const perStage = (prefix: string, name: Words): Family => ({
  match(path) {
    if (!path.startsWith(`${prefix}.`)) return undefined;
    const stage = path.slice(prefix.length + 1);
    const member = STAGE_WORD[stage];
    return member === undefined ? undefined : { key: prefix, name, member, order: Object.keys(STAGE_WORD).indexOf(stage) };
  },
});

const FAMILIES: readonly Family[] = [
  {
    match(path) {
      const m = /^balance\.thresholds\.(primary|junior)\.(\w+)$/.exec(path);
      if (m === null) return undefined;
      const k = (THRESHOLD_FIELDS as readonly string[]).indexOf(m[2] as string);
      if (k < 0) return undefined;
      const stage = STAGE_WORD[m[1] as string] as Words;
      const id = INDICATOR_IDS[k] as string;
      return { key: `balance.thresholds.${m[1] as string}`, name: { zh: `${stage.zh}资源配置指标下限`, en: `${stage.en === 'primary' ? 'Primary' : 'Junior'} indicator thresholds` }, member: { zh: id, en: id }, order: k };
    },
  },
  perStage('balance.coefficientLimit', { zh: '校际差异系数上限', en: 'Largest difference coefficient' }),
  perStage('balance.guarantees.classLimit', { zh: '班额上限', en: 'Largest class' }),
  perStage('balance.guarantees.nearbyAdmission', { zh: '就近划片入学比例', en: 'Nearby admission share' }),
  perStage('classes.schoolSizeLimit', { zh: '学校规模上限', en: 'School-size limit' }),
];

/** A value as a family member shows it: numbers and texts as they are. */
const valueOf = (p: ParameterListing): string => (typeof p.value === 'string' || typeof p.value === 'number' ? String(p.value) : JSON.stringify(p.value));

/** The paths the assessment reads (and the gap, when asked for): what bears on its result. */
export function bearingPaths(gap: boolean): Set<string> {
  return new Set([...assessCounty.calculator.parameters, ...(gap ? balanceGap.calculator.parameters : [])]);
}

/**
 * The footer lines in `lang`: the citations of every county, then {@link parameterFooter}'s lines on
 * the values the assessment reads, with each stage family's stale values as one item, then the
 * values of `--parameters` in force.
 */
export function footerLines(citations: readonly string[], options: CalculatorOptions & { asOf: string }, gap: boolean, base: ParameterFile | undefined, lang: Lang): string[] {
  const all = listParameters(options);
  const paths = bearingPaths(gap);
  const bearing = all.filter((p) => paths.has(p.path));
  // Family members leave the stale list (they stay in the unverified one); their items go back into it grouped.
  const grouped = new Map<string, Map<string, { name: Words; members: Array<{ order: number; text: Words }> }>>();
  const rest: ParameterListing[] = [];
  for (const p of bearing) {
    const hit = p.stale && p.confirmedThrough !== undefined ? FAMILIES.map((f) => f.match(p.path)).find((m) => m !== undefined) : undefined;
    if (hit === undefined) {
      rest.push(p);
      continue;
    }
    rest.push({ ...p, stale: false });
    const byKey = grouped.get(p.confirmedThrough as string) ?? new Map();
    grouped.set(p.confirmedThrough as string, byKey);
    const family = byKey.get(hit.key) ?? { name: hit.name, members: [] };
    byKey.set(hit.key, family);
    family.members.push({ order: hit.order, text: { zh: `${hit.member.zh} ${valueOf(p)}`, en: `${hit.member.en} ${valueOf(p)}` } });
  }
  const lines = parameterFooter(rest, all, options.asOf, lang);
  const colon = say(lang, '：', ': ');
  const sep = say(lang, '；', '; ');
  for (const date of [...grouped.keys()].sort()) {
    const items = [...(grouped.get(date) as Map<string, { name: Words; members: Array<{ order: number; text: Words }> }>).values()].map(
      (f) => `${f.name[lang]} ${f.members.sort((x, y) => x.order - y.order).map((m) => m.text[lang]).join(say(lang, '、', ', '))}`,
    );
    const head = `${FOOTER.stale[lang](date, options.asOf)}${colon}`;
    const at = lines.findIndex((l) => l.startsWith(head));
    if (at >= 0) lines[at] = `${head}${items.join(sep)}${sep}${(lines[at] as string).slice(head.length)}`;
    else lines.push(`${head}${items.join(sep)}`);
  }
  const local = localLine(base, all, paths, options.asOf, lang);
  return [citesLine(citations, lang), ...lines, ...(local === undefined ? [] : [local])];
}

/**
 * The line naming the values of a `--parameters` file in force that bear on the assessment, by
 * name and source: `本地参数（--parameters set.json）：小学校际差异系数上限（闽教督〔2020〕1号）`.
 */
function localLine(base: ParameterFile | undefined, all: readonly ParameterListing[], paths: ReadonlySet<string>, asOf: string, lang: Lang): string | undefined {
  if (base === undefined) return undefined;
  const seen = new Map<string, string>();
  for (const p of all) {
    if (p.local !== true || !paths.has(p.path) || seen.has(p.path)) continue;
    const name = parameterName(p.path, lang);
    seen.set(p.path, p.source === 'override' ? name : say(lang, `${name}（${p.source}）`, `${name} (${p.source})`));
  }
  const list = [...seen.values()];
  const what = list.length === 0 ? say(lang, `${asOf} 无生效的取值`, `none in force on ${asOf}`) : list.join(say(lang, '；', '; '));
  return say(lang, `本地参数（${base.label}）：${what}`, `Local parameters (${base.label}): ${what}`);
}
