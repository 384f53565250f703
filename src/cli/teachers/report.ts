/**
 * The output of `junheng teachers`: the spool between the reading pass and the output, and the
 * report in its three formats. JSON output is the library's results in their own JSON form.
 */
import { listParameters, type TrainingComplianceResult, type TrainingSummary } from 'junheng';
import { csvCell } from '../csv.js';
import { ChunkWriter, displayWidth, resultJson, type Format } from '../format.js';

/**
 * One teacher in the JSON output: the library's result in its own JSON form, without its
 * explanation and without the cycle and citations the report's heading states once.
 */
export function teacherJson(r: TrainingComplianceResult): string {
  return resultJson(r, PER_TEACHER_OMITTED);
}
const PER_TEACHER_OMITTED = ['explanation', 'cycle', 'citations'];

/** The report's heading fields: the summary in its own JSON form, without its explanation and the teachers. */
const SUMMARY_OMITTED = ['explanation', 'teachers'];

/** One teacher's figures as spooled between the reading pass and the output. */
export interface Row {
  /** The id as a JSON string literal. */
  readonly idJson: string;
  readonly completed: number;
  readonly required: number;
  readonly shortfall: number;
  readonly compliant: boolean;
}

/**
 * One teacher's line in the spool: for CSV and JSON output the final text (copied to standard
 * output as it is), for the table a compact tab-separated form read back once the id column's
 * width is known.
 */
export function spoolLine(format: Format, r: TrainingComplianceResult, first: boolean): string {
  if (format === 'csv') return `${csvCell(r.teacherId)},${r.completedHours},${r.requiredHours},${r.shortfall},${r.compliant}\n`;
  if (format === 'json') return `${first ? '\n' : ',\n'}${teacherJson(r)}`;
  return `${JSON.stringify(r.teacherId)}\t${r.completedHours}\t${r.requiredHours}\t${r.shortfall}\t${r.compliant ? 1 : 0}\n`;
}

export function readRow(line: string): Row {
  const t4 = line.lastIndexOf('\t');
  const t3 = line.lastIndexOf('\t', t4 - 1);
  const t2 = line.lastIndexOf('\t', t3 - 1);
  const t1 = line.lastIndexOf('\t', t2 - 1);
  return {
    idJson: line.slice(0, t1),
    completed: Number(line.slice(t1 + 1, t2)),
    required: Number(line.slice(t2 + 1, t3)),
    shortfall: Number(line.slice(t3 + 1, t4)),
    compliant: line.charCodeAt(t4 + 1) === 49,
  };
}

const rawId = (idJson: string): string => (idJson.includes('\\') ? (JSON.parse(idJson) as string) : idJson.slice(1, -1));
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
export const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

const TABLE_HEAD = ['teacher', 'completed', 'required', 'shortfall', 'compliant'] as const;

/** Writes the report: a heading, the rows (from `rows`), then the summary. */
export class Report {
  private first = true;
  constructor(
    private readonly format: Format,
    private readonly out: ChunkWriter,
    private readonly summary: TrainingSummary,
    private readonly asOf: string,
    private readonly idWidth: number,
  ) {}

  head(): void {
    const s = this.summary;
    if (this.format === 'json') {
      const fields = resultJson(s, SUMMARY_OMITTED);
      this.out.write(`{"asOf":${JSON.stringify(this.asOf)}${fields === '{}' ? '' : `,${fields.slice(1, -1)}`},"teachers":[`);
    } else if (this.format === 'csv') {
      this.out.write('teacher_id,completed_hours,required_hours,shortfall,compliant\n');
    } else {
      this.out.write(`Training cycle ${s.cycle.start} … ${s.cycle.end} (as of ${this.asOf}; opinion 4.2: at least the hours required in each cycle)\n\n`);
      const w = this.idWidth;
      this.out.write(`${TABLE_HEAD[0].padEnd(w)}  ${TABLE_HEAD[1].padStart(9)}  ${TABLE_HEAD[2].padStart(8)}  ${TABLE_HEAD[3].padStart(9)}  ${TABLE_HEAD[4]}\n`);
      this.out.write(`${'-'.repeat(w)}  ${'-'.repeat(9)}  ${'-'.repeat(8)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}\n`);
    }
  }

  /** Rows were copied from a spool of final lines ({@link spoolLine}). */
  copied(rows: number): void {
    if (rows > 0) this.first = false;
  }

  /** One teacher of a report computed whole (JSON input). */
  result(r: TrainingComplianceResult): void {
    if (this.format === 'json') {
      this.out.write(`${this.first ? '\n' : ',\n'}${teacherJson(r)}`);
      this.first = false;
    } else this.row({ idJson: JSON.stringify(r.teacherId), completed: r.completedHours, required: r.requiredHours, shortfall: r.shortfall, compliant: r.compliant });
  }

  /** One teacher read back from the table's spool ({@link spoolLine}), or of the CSV output. */
  row(r: Row): void {
    if (this.format === 'csv') {
      this.out.write(`${csvCell(rawId(r.idJson))},${r.completed},${r.required},${r.shortfall},${r.compliant}\n`);
    } else {
      const id = rawId(r.idJson);
      const fill = ' '.repeat(Math.max(0, this.idWidth - widthOf(id)));
      this.out.write(`${id}${fill}  ${String(r.completed).padStart(9)}  ${String(r.required).padStart(8)}  ${String(r.shortfall).padStart(9)}  ${r.compliant ? 'yes' : 'no'}\n`);
    }
    this.first = false;
  }

  foot(unverified: readonly string[]): void {
    const s = this.summary;
    if (this.format === 'json') {
      this.out.write(`${this.first ? '' : '\n'}]}\n`);
    } else if (this.format === 'table') {
      const pct = s.total === 0 ? '—' : `${trimNumber((s.compliant * 100) / s.total)} %`;
      const verdict = s.total === 0 ? 'no teachers' : s.fullCompletion ? 'met (优质均衡 G9: 100 %)' : 'not met (优质均衡 G9 asks 100 %)';
      this.out.write(`\nCompletion: ${s.compliant} of ${s.total} teachers (${pct}): ${verdict}\n`);
      this.out.write(`Citations: ${s.citations.join(', ')}\n`);
      if (unverified.length > 0) this.out.write(`Unverified parameter values in force (confirm or override): ${unverified.join(', ')}\n`);
    }
    this.out.flush();
  }
}

const trimNumber = (n: number): string => String(Math.round(n * 100) / 100);

export function unverifiedInForce(asOf: string): string[] {
  return listParameters({ asOf })
    .filter((p) => p.path.startsWith('teachers.training.') && p.confidence === 'unverified')
    .map((p) => p.path);
}

