/**
 * The output of `junheng teachers`: the spool between the reading pass and the output, and the
 * report in its three formats. JSON output is the library's results in their own JSON form.
 */
import { listParameters, type ParameterOverrides, type TrainingComplianceResult, type TrainingStatus, type TrainingSummary } from 'junheng';
import { csvCell } from '../csv.js';
import { ChunkWriter, displayWidth, resultJson, type Format } from '../format.js';
import { localParametersLine, type ParameterFile } from '../read.js';
import { staleLines, unverifiedPaths } from '../stale.js';

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
  readonly status: TrainingStatus;
}

/** A status as one spool character, and back. */
const STATUS_CHAR: Record<TrainingStatus, string> = { met: 'm', 'in-progress': 'p', 'not-met': 'n' };
const CHAR_STATUS: Record<string, TrainingStatus> = { m: 'met', p: 'in-progress', n: 'not-met' };

/**
 * One teacher's line in the spool: for CSV and JSON output the final text (copied to standard
 * output as it is), for the table a compact tab-separated form read back once the id column's
 * width is known.
 */
export function spoolLine(format: Format, r: TrainingComplianceResult, first: boolean): string {
  if (format === 'csv') return `${csvCell(r.teacherId)},${r.completedHours},${r.requiredHours},${r.shortfall},${r.status},${r.compliant}\n`;
  if (format === 'json') return `${first ? '\n' : ',\n'}${teacherJson(r)}`;
  return `${JSON.stringify(r.teacherId)}\t${r.completedHours}\t${r.requiredHours}\t${r.shortfall}\t${STATUS_CHAR[r.status]}\n`;
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
    status: CHAR_STATUS[line.charAt(t4 + 1)] as TrainingStatus,
  };
}

const rawId = (idJson: string): string => (idJson.includes('\\') ? (JSON.parse(idJson) as string) : idJson.slice(1, -1));
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
export const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

const TABLE_HEAD = ['teacher', 'completed', 'required', 'shortfall', 'status'] as const;

/** Writes the report: a heading, the rows (from `rows`), then the summary. */
export class Report {
  private first = true;
  constructor(
    private readonly format: Format,
    private readonly out: ChunkWriter,
    private readonly summary: TrainingSummary,
    private readonly asOf: string,
    private readonly idWidth: number,
    /** `--parameters`: the base parameters the report was computed with. */
    private readonly parameters?: ParameterFile,
  ) {}

  head(): void {
    const s = this.summary;
    if (this.format === 'json') {
      const fields = resultJson(s, SUMMARY_OMITTED);
      this.out.write(`{"asOf":${JSON.stringify(this.asOf)}${fields === '{}' ? '' : `,${fields.slice(1, -1)}`},"teachers":[`);
    } else if (this.format === 'csv') {
      this.out.write('teacher_id,completed_hours,required_hours,shortfall,status,compliant\n');
    } else {
      this.out.write(`Training cycle ${s.cycle.start} … ${s.cycle.end} (as of ${this.asOf}; opinion 4.2: at least the hours required in each cycle)\n\n`);
      const w = this.idWidth;
      this.out.write(`${TABLE_HEAD[0].padEnd(w)}  ${TABLE_HEAD[1].padStart(9)}  ${TABLE_HEAD[2].padStart(8)}  ${TABLE_HEAD[3].padStart(9)}  ${TABLE_HEAD[4]}\n`);
      this.out.write(`${'-'.repeat(w)}  ${'-'.repeat(9)}  ${'-'.repeat(8)}  ${'-'.repeat(9)}  ${'-'.repeat(11)}\n`);
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
    } else this.row({ idJson: JSON.stringify(r.teacherId), completed: r.completedHours, required: r.requiredHours, shortfall: r.shortfall, status: r.status });
  }

  /** One teacher read back from the table's spool ({@link spoolLine}), or of the CSV output. */
  row(r: Row): void {
    if (this.format === 'csv') {
      this.out.write(`${csvCell(rawId(r.idJson))},${r.completed},${r.required},${r.shortfall},${r.status},${r.status !== 'not-met'}\n`);
    } else {
      const id = rawId(r.idJson);
      const fill = ' '.repeat(Math.max(0, this.idWidth - widthOf(id)));
      this.out.write(`${id}${fill}  ${String(r.completed).padStart(9)}  ${String(r.required).padStart(8)}  ${String(r.shortfall).padStart(9)}  ${r.status}\n`);
    }
    this.first = false;
  }

  foot(unverified: readonly string[]): void {
    const s = this.summary;
    if (this.format === 'json') {
      this.out.write(`${this.first ? '' : '\n'}]}\n`);
    } else if (this.format === 'table') {
      const pct = s.total === 0 ? '—' : `${trimNumber((s.met * 100) / s.total)} %`;
      const verdict = s.total === 0 ? 'no teachers' : s.fullCompletion ? 'met (优质均衡 G9: 100 %)' : 'not met (优质均衡 G9 asks 100 %)';
      this.out.write(`\nCompletion: ${s.met} of ${s.total} teachers (${pct}): ${verdict}\n`);
      this.out.write(`Status: ${s.met} met, ${s.inProgress} in progress (short, the cycle not yet over), ${s.notMet} not met (short, the cycle over)\n`);
      this.out.write(`Citations: ${s.citations.join(', ')}\n`);
      if (unverified.length > 0) this.out.write(`Unverified parameter values in force (confirm or override): ${unverified.join(', ')}\n`);
      for (const line of staleLines(trainingInForce(this.asOf, this.parameters?.patch), this.asOf)) this.out.write(line);
      const local = localParametersLine(this.parameters, optionsOf(this.asOf, this.parameters?.patch), (path) => path.startsWith('teachers.training.'));
      if (local !== undefined) this.out.write(`${local}\n`);
    }
    this.out.flush();
  }
}

const trimNumber = (n: number): string => String(Math.round(n * 100) / 100);

/** The library options of the report: the day, and the `--parameters` file's values when given. */
export const optionsOf = (asOf: string, parameters: unknown) => ({ asOf, ...(parameters === undefined ? {} : { parameters: parameters as ParameterOverrides }) });

/** The parameter values in force that bear on the training report. */
function trainingInForce(asOf: string, parameters?: unknown) {
  return listParameters(optionsOf(asOf, parameters)).filter((p) => p.path.startsWith('teachers.training.'));
}

/** The unverified values among them, with the opinion's effective date the training rule starts from. */
export function unverifiedInForce(asOf: string, parameters?: unknown): string[] {
  return unverifiedPaths(trainingInForce(asOf, parameters), listParameters(optionsOf(asOf, parameters)));
}

