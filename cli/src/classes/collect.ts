/**
 * What `junheng classes` gathers beside the library's counts, in the same single pass over the
 * roster: the warnings a reader needs (a class of 0 pupils, a school filed under two towns or two
 * locations), and for the reports (`--format html|xlsx`) the classes by size (the histogram) and
 * the list of large classes. The counts themselves are the library's (`createClassSizeTally`).
 */
import type { ClassSizeReportParams } from 'junheng';

/** A valid class as the collector sees it (after the library accepted it). */
export interface CollectedClass {
  readonly id?: string | undefined;
  readonly schoolId?: string | undefined;
  readonly town?: string | undefined;
  readonly location?: string | undefined;
  readonly stage: 'primary' | 'junior';
  readonly size: number;
  readonly incomplete?: boolean | undefined;
}

/** A class of a band, with where it was read (a CSV line, or its index in a JSON list). */
export interface ListedClass {
  readonly at: number;
  readonly row: CollectedClass;
  readonly band: Band;
}

/** The bands, in order (the library's `byStatus` keys). */
export const BANDS = ['standard', 'over-standard', 'large', 'super-large'] as const;
/** One of {@link BANDS}. */
export type Band = (typeof BANDS)[number];

/** The kinds of class the histogram tells apart: their standard sizes differ (45, 30, 50). */
export const KINDS = ['primary', 'incompletePrimary', 'junior'] as const;
/** One of {@link KINDS}. */
export type Kind = (typeof KINDS)[number];

/** Warnings kept word for word: the rest are counted. */
export const WARNING_LIMIT = 50;

/** Large classes listed at most (the report's list and the workbook's sheet); the rest are counted. */
export const LIST_LIMIT = 100_000;

/** The band of a class of `size` whose standard is `standard`, under `p` (the library's comparisons). */
export function bandOf(size: number, standard: number, p: ClassSizeReportParams): Band {
  return size >= p.superLargeFrom ? 'super-large' : size >= p.largeFrom ? 'large' : size > standard ? 'over-standard' : 'standard';
}

/** The standard size of a class under `p`: junior 50, incomplete primary 30, primary 45 by default. */
export const standardOf = (c: { readonly stage: string; readonly incomplete?: unknown }, p: ClassSizeReportParams): number =>
  c.stage === 'junior' ? p.standard.junior : c.incomplete === true ? p.standard.incompletePrimary : p.standard.primary;

/** Classes of no pupils: the first {@link WARNING_LIMIT} with where they were read, and how many. */
export class ZeroClasses {
  readonly first: ListedClass[] = [];
  count = 0;
}

/**
 * The classes by size and kind (the histogram), and the large and super-large classes in roster order
 * (the first {@link LIST_LIMIT}), for the reports. Filled only for `--format html|xlsx`.
 */
export class SizeCollector {
  /** Per kind: classes by size, sizes under {@link SMALL} counted in an array (every real class), larger in a map. */
  private readonly small: Record<Kind, Float64Array> = { primary: new Float64Array(SMALL), incompletePrimary: new Float64Array(SMALL), junior: new Float64Array(SMALL) };
  private readonly big: Record<Kind, Map<number, number>> = { primary: new Map(), incompletePrimary: new Map(), junior: new Map() };
  readonly large: ListedClass[] = [];
  largeCount = 0;

  constructor(private readonly p: ClassSizeReportParams) {}

  add(c: CollectedClass, at: number): void {
    const kind: Kind = c.stage === 'junior' ? 'junior' : c.incomplete === true ? 'incompletePrimary' : 'primary';
    const size = c.size;
    if (size < SMALL) (this.small[kind][size] as number)++;
    else this.big[kind].set(size, (this.big[kind].get(size) ?? 0) + 1);
    if (c.size >= this.p.largeFrom) {
      this.largeCount++;
      if (this.large.length < LIST_LIMIT) this.large.push({ at, row: c, band: bandOf(c.size, standardOf(c, this.p), this.p) });
    }
  }

  private sizes: Record<Kind, Map<number, number>> | undefined;

  /** Per kind: size → classes, for the sizes that occur, in increasing order (once the pass is over). */
  bySize(): Record<Kind, Map<number, number>> {
    if (this.sizes !== undefined) return this.sizes;
    const out = {} as Record<Kind, Map<number, number>>;
    for (const kind of KINDS) {
      const map = new Map<number, number>();
      const small = this.small[kind];
      for (let size = 0; size < SMALL; size++) if ((small[size] as number) > 0) map.set(size, small[size] as number);
      for (const size of [...this.big[kind].keys()].sort((a, b) => a - b)) map.set(size, this.big[kind].get(size) as number);
      out[kind] = map;
    }
    this.sizes = out;
    return out;
  }
}

/** Sizes below this are counted in an array (a class of 1,000 pupils is a typing error, but still counted). */
const SMALL = 1024;
