/**
 * The figures of a teachers report (`--format html` and `xlsx`), aggregated in the one reading pass:
 * counts by status, a histogram of completed hours, the shortfalls by size, sums in tenths of an
 * hour, and the first rows for the report's table. Memory is fixed (a few hundred numbers and at
 * most `keep` rows) whatever the number of teachers.
 */
import type { TrainingComplianceResult, TrainingStatus } from 'junheng';

/** One teacher's row as a report shows it. */
export interface TeacherRow {
  readonly id: string;
  readonly name: string;
  readonly completed: number;
  readonly required: number;
  readonly shortfall: number;
  readonly status: TrainingStatus;
}

/** Width of a histogram bin, in hours. */
export const BIN_HOURS = 20;

/** Counts of teachers by status. */
export type StatusCounts = Record<TrainingStatus, number>;

/** The aggregate of a teachers report. */
export class TeacherStats {
  /** Teachers seen. */
  total = 0;
  readonly byStatus: StatusCounts = { met: 0, 'in-progress': 0, 'not-met': 0 };
  /**
   * Completed hours by bin: bin k holds [20k, 20k + 20); the last bin holds every teacher from its
   * start up (`completedOpen`).
   */
  readonly completed: number[];
  /**
   * Shortfalls of the teachers short of their hours, by bin and status: bin k holds (20k, 20k + 20]
   * hours short; the last holds every larger shortfall.
   */
  readonly shortfall: Record<'in-progress' | 'not-met', number[]>;
  /** Teachers owing fewer hours than the full requirement (employed after the cycle began). */
  proRata = 0;
  /** Sums over the teachers, in tenths of an hour (exact integers). */
  completedTenths = 0;
  requiredTenths = 0;
  shortfallTenths = 0;
  /** The first `keep` rows, in file order. */
  readonly rows: TeacherRow[] = [];

  constructor(
    /** The full requirement of a cycle (360 hours, or a local value). */
    readonly fullHours: number,
    /** Rows kept for the report's table. */
    readonly keep: number,
  ) {
    // Completed hours up to one and a half times the requirement, then one open bin.
    this.completed = new Array<number>(Math.ceil((fullHours * 1.5) / BIN_HOURS) + 1).fill(0);
    const shortBins = Math.max(1, Math.ceil(fullHours / BIN_HOURS));
    this.shortfall = { 'in-progress': new Array<number>(shortBins).fill(0), 'not-met': new Array<number>(shortBins).fill(0) };
  }

  /** The start of the open last bin of completed hours. */
  get completedOpen(): number {
    return (this.completed.length - 1) * BIN_HOURS;
  }

  /** Adds one teacher. */
  add(r: TrainingComplianceResult, name: string): void {
    this.addRow(r.teacherId, name, r.completedHours, r.requiredHours, r.shortfall, r.status);
  }

  /** Adds one teacher's figures. */
  addRow(id: string, name: string, completed: number, required: number, shortfall: number, status: TrainingStatus): void {
    this.total++;
    this.byStatus[status]++;
    const bins = this.completed;
    const k = Math.min(bins.length - 1, Math.floor(completed / BIN_HOURS));
    bins[k] = (bins[k] as number) + 1;
    if (status !== 'met') {
      const s = this.shortfall[status];
      const j = Math.min(s.length - 1, Math.max(0, Math.ceil(shortfall / BIN_HOURS) - 1));
      s[j] = (s[j] as number) + 1;
    }
    if (required < this.fullHours) this.proRata++;
    this.completedTenths += Math.round(completed * 10);
    this.requiredTenths += Math.round(required * 10);
    this.shortfallTenths += Math.round(shortfall * 10);
    if (this.rows.length < this.keep) this.rows.push({ id, name, completed, required, shortfall, status });
  }
}

/** Tenths of an hour as hours' text (`3605` → `360.5`), exact. */
export const tenthsText = (tenths: number): string => (tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}`);
