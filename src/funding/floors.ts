import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { Leaf, type Codec, type LeafSpec, type Parsed } from '../core/parameters.js';
import { choice, countSchema, fromZodIssues, idSchema, record, required } from '../core/schemas.js';
import { LOCATIONS, STAGES, type Location, type Stage } from '../core/types.js';

/** The kinds of school a floor band may name (special-education schools are never under a floor). @category Funding */
export const FLOOR_KINDS = ['school', 'teaching-point'] as const;
/** @category Funding */
export type FloorKind = (typeof FLOOR_KINDS)[number];

/**
 * One band of the small-school floors (`funding.floors`): schools it covers with more than `above`
 * (超过, exclusive) and fewer than `below` (不足, exclusive) pupils are funded as `fundedAs`.
 *
 * - A school is covered when its `location` is in `locations` **or** its `kind` is in `kinds`
 *   (special-education schools never are).
 * - A band with `stage` covers only schools that have pupils of that stage, and counts and floors
 *   only that stage's pupils (a junior band "under 300 funded as 300" adds junior pupils to a
 *   nine-year school with 250 junior pupils, whatever its primary pupils).
 *
 * Where several bands apply to a school, the one with the highest `fundedAs` does (the earlier in
 * the list on a tie); bands never add up. A patch replaces the whole list.
 *
 * A band must be consistent: `below` more than `above` + 1 (some count between them), and `below`
 * not above `fundedAs` (不足250人按200人核定 would leave schools of 200 to 249 pupils in the band and
 * unraised); either is a `PolicyInputError` at the band's `below`.
 *
 * @category Funding
 * @example
 * ```ts
 * const floors = [
 *   { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 },
 *   { id: 'district-100-to-200', locations: ['rural'], above: 100, below: 200, fundedAs: 200 },
 *   { id: 'junior-under-300', locations: ['urban', 'town', 'rural'], stage: 'junior', below: 300, fundedAs: 300 },
 * ] as const;
 * const r = publicFunding(
 *   { id: 'J', location: 'urban', pupils: { primary: 400, junior: 250 } },
 *   { asOf: '2025-09-01', region: 'central', parameters: { funding: { floors } } },
 * );
 * r.floorApplied; //=> 'junior-under-300'
 * r.fundedPupils; //=> 700
 * r.amount.toString(); //=> '480000'
 * ```
 */
export interface FloorBand {
  /** Stable id, reported as `floorApplied`: `'national-under-100'`, `'district-100-to-200'`, or a district's own. */
  readonly id: string;
  readonly locations: readonly Location[];
  readonly kinds?: readonly FloorKind[];
  readonly stage?: Stage;
  /** Exclusive lower bound (超过): pupils must be more than this. Absent: no lower bound. */
  readonly above?: number;
  /** Exclusive upper bound (不足): pupils must be fewer than this. */
  readonly below: number;
  /** The pupils the band funds (of its stage, for a stage band). */
  readonly fundedAs: number;
}

/** The most bands a list may hold (the budget keeps each school's band in one byte). @category Funding */
export const MAX_FLOOR_BANDS = 50;

const locationList = z.array(choice(LOCATIONS, 'a location'), { error: required("a list of locations ('urban' | 'town' | 'rural')") });
const kindList = z.array(choice(FLOOR_KINDS, 'a kind of school'), { error: required("a list of kinds ('school' | 'teaching-point')") });

/** One band as a patch gives it: every field checked, unknown keys refused. */
const bandSchema = record(
  {
    id: idSchema,
    locations: locationList,
    kinds: z.optional(kindList),
    stage: z.optional(choice(STAGES, 'the stage the band counts')),
    above: z.optional(countSchema),
    below: countSchema,
    fundedAs: countSchema,
  },
  'a floor band { id, locations, kinds?, stage?, above?, below, fundedAs }',
);

/**
 * The schema of `funding.floors` as a patch gives it: a list (replaced whole) of at most
 * {@link MAX_FLOOR_BANDS} bands. The checks the schema cannot make (distinct ids and entries, a band
 * that covers some school and some count) are made by the floors codec when a patch is read.
 *
 * @category Funding
 */
export const floorBandsSchema = z
  .array(bandSchema, { error: required('a list of floor bands [{ id, locations, kinds?, stage?, above?, below, fundedAs }]') })
  .check(z.maxLength(MAX_FLOOR_BANDS, { error: `must have at most ${MAX_FLOOR_BANDS} bands` }));

const inconsistent = (path: Array<string | number>, message: string): PolicyIssue => ({ path, code: 'inconsistent', message });

/**
 * Reads a list of floor bands, every problem at its path inside the list (`[1, 'below']`). Besides
 * each field's own checks: ids and entries of `locations` / `kinds` distinct, a band that covers
 * some school, a range that holds some count (`below` more than `above` + 1), and `below` not above
 * `fundedAs` (a band "不足250人按200人核定" would leave its schools of 200 to 249 pupils unraised:
 * inconsistent, at `[i, 'below']`).
 *
 * @internal
 */
export function readFloorBands(input: unknown): Parsed<readonly FloorBand[]> {
  const r = z.safeParse(floorBandsSchema, input, { reportInput: true });
  if (!r.success) {
    const issues = fromZodIssues(r.error.issues);
    return { ok: false, message: issues[0]?.message ?? 'must be a list of floor bands', issues };
  }
  const issues: PolicyIssue[] = [];
  const ids = new Map<string, number>();
  const bands = r.data.map((b, i): FloorBand => {
    const first = ids.get(b.id);
    if (first === undefined) ids.set(b.id, i);
    else issues.push({ ...inconsistent([i, 'id'], `repeats the id of band [${first}] ("${b.id}"); each band needs its own id`), related: [first, 'id'] });
    for (const key of ['locations', 'kinds'] as const) {
      const list: readonly string[] = b[key] ?? [];
      list.forEach((v, j) => {
        if (list.indexOf(v) !== j) issues.push(inconsistent([i, key, j], `repeats '${v}'`));
      });
    }
    if (b.locations.length === 0 && (b.kinds ?? []).length === 0) {
      issues.push(inconsistent([i, 'locations'], 'covers no school: list a location or a kind (kinds: [\'teaching-point\'])'));
    }
    if (b.above !== undefined && b.below <= b.above + 1) {
      issues.push(inconsistent([i, 'below'], `leaves no pupil count between above ${b.above} and below ${b.below} (both exclusive: 超过 ${b.above}, 不足 ${b.below})`));
    }
    if (b.below > b.fundedAs) {
      issues.push(
        inconsistent(
          [i, 'below'],
          `is above fundedAs (${b.below} > ${b.fundedAs}): schools of ${b.fundedAs} to ${b.below - 1} pupils would be in the band yet not raised. A band funds schools with fewer than below pupils as fundedAs (不足 ${b.below} 人按 ${b.below} 人核定: below ${b.below}, fundedAs ${b.below}); make fundedAs at least below`,
        ),
      );
    }
    return Object.freeze({
      id: b.id,
      locations: Object.freeze([...b.locations]),
      ...(b.kinds === undefined ? {} : { kinds: Object.freeze([...b.kinds]) }),
      ...(b.stage === undefined ? {} : { stage: b.stage }),
      ...(b.above === undefined ? {} : { above: b.above }),
      below: b.below,
      fundedAs: b.fundedAs,
    });
  });
  if (issues.length > 0) return { ok: false, message: issues[0]?.message ?? 'is not a valid list of floor bands', issues };
  return { ok: true, value: Object.freeze(bands) };
}

/** Bits of what a band covers: a school's location bit or kind bit. @internal */
export const COVER_BIT: Readonly<Record<Location | FloorKind, number>> = { urban: 1, town: 2, rural: 4, school: 8, 'teaching-point': 16 };

/**
 * A band as the rule reads it: what it covers as bits, its stage as 0 (all pupils), 1 (primary) or
 * 2 (junior), `above` −1 when absent, and its position in the list.
 *
 * @category Funding
 */
export interface FloorRule {
  readonly index: number;
  readonly id: string;
  readonly covers: number;
  readonly stage: 0 | 1 | 2;
  readonly above: number;
  readonly below: number;
  readonly fundedAs: number;
  /** The band as listed. */
  readonly band: FloorBand;
}

function toRules(bands: readonly FloorBand[]): readonly FloorRule[] {
  return bands.map((band, index) => {
    let covers = 0;
    for (const l of band.locations) covers |= COVER_BIT[l];
    for (const k of band.kinds ?? []) covers |= COVER_BIT[k];
    return { index, id: band.id, covers, stage: band.stage === 'primary' ? 1 : band.stage === 'junior' ? 2 : 0, above: band.above ?? -1, below: band.below, fundedAs: band.fundedAs, band };
  });
}

const floorsCodec: Codec<readonly FloorBand[], readonly FloorRule[]> = { parse: readFloorBands, internal: toRules };

/** What a patch gives for `funding.floors`: a whole list. @category Funding */
export type FloorBandsInput = readonly FloorBand[];

/** The leaf builder of `funding.floors`: a dated list of bands, replaced whole by a patch. @internal */
export function floorBandsLeaf(spec: Omit<LeafSpec<readonly FloorBand[]>, 'kind' | 'regional' | 'choices'>): Leaf<readonly FloorBand[], readonly FloorRule[], FloorBandsInput> {
  return new Leaf<readonly FloorBand[], readonly FloorRule[], FloorBandsInput>({ kind: 'list', ...spec }, floorsCodec);
}

/** A frozen band for the default lists. @internal */
export function band(b: FloorBand): FloorBand {
  const parsed = readFloorBands([b]);
  if (!parsed.ok) throw new Error(`default floor band ${b.id}: ${parsed.message}`);
  return parsed.value[0] as FloorBand;
}

const LOCATION_ZH: Record<Location, string> = { urban: '城区', town: '镇区', rural: '乡村' };
const KIND_ZH: Record<FloorKind, string> = { school: '学校', 'teaching-point': '教学点' };
const STAGE_ZH: Record<Stage, string> = { primary: '小学', junior: '初中' };

/**
 * A band in words: who it covers, the counted pupils and what they are funded as.
 *
 * @internal
 */
export function bandText(b: FloorBand): { zh: string; en: string } {
  const who = [...b.locations.map((l) => `${LOCATION_ZH[l]}学校`), ...(b.kinds ?? []).map((k) => `所有${KIND_ZH[k]}`)].join('、');
  const whoEn = [...b.locations.map((l) => `${l} schools`), ...(b.kinds ?? []).map((k) => `every ${k}`)].join(', ');
  const stageZh = b.stage === undefined ? '在校生' : `${STAGE_ZH[b.stage]}在校生`;
  const stageEn = b.stage === undefined ? 'pupils' : `${b.stage} pupils`;
  const rangeZh = b.above === undefined ? `不足 ${b.below} 人` : `超过 ${b.above} 人不足 ${b.below} 人`;
  const rangeEn = b.above === undefined ? `fewer than ${b.below}` : `more than ${b.above} and fewer than ${b.below}`;
  return {
    zh: `${b.id}：${who}${stageZh}${rangeZh}的，按 ${b.fundedAs} 人核定`,
    en: `${b.id}: ${whoEn} with ${rangeEn} ${stageEn} are funded as ${b.fundedAs}`,
  };
}

/** The national figures of the under-100 floor (国发〔2015〕67号; 教督〔2017〕6号 G6): fewer than 100 pupils funded as 100. */
const NATIONAL_FIGURES = { below: 100, fundedAs: 100 } as const;

/**
 * The national floor as the 优质均衡 guarantee G6 judges it (不足100名学生的村小学和教学点按100名学生核定公用经费):
 * the `'national-under-100'` band of the list in force — so a district that raised it is judged by its
 * own figure, as before — or, when a patched list has no band of that id, the national figures
 * (below 100, funded as 100). Only `below` and `fundedAs` are read: G6's evidence lists village
 * schools and teaching points already.
 *
 * @internal
 */
export function nationalFloorOf(floors: readonly FloorRule[]): { readonly below: number; readonly fundedAs: number } {
  const national = floors.find((b) => b.id === 'national-under-100');
  return national === undefined ? NATIONAL_FIGURES : { below: national.below, fundedAs: national.fundedAs };
}
