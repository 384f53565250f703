// The plain Node loop `node bench/teachers.mjs` compares `junheng teachers` with: the same file
// (bench/out/teachers-<n>.csv, rows of a teacher consecutive), the same arithmetic (opinion 4.2:
// hours of the five-year cycle 2021-01-01..2025-12-31 summed in tenths, 360 hours owed, pro rata by
// whole months for a mid-cycle hire, as of 2025-12-31), the same CSV out — and nothing else: no
// validation beyond what the arithmetic needs, no parameters resolved, no explanations.
//
//   node bench/plain-teachers.mjs bench/out/teachers-1000000.csv > out.csv
//
// The file is read in 1 MiB chunks (it is 0.5 GB), never whole. bench/teachers.mjs checks that its
// output equals junheng's.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const START = '2021-01-01';
const END = '2025-12-31';
const AS_OF = '2025-12-31';
const REQUIRED = 360;
const CYCLE_MONTHS = 60;
const START_MONTH = 2021 * 12;
const END_MONTH = START_MONTH + CYCLE_MONTHS - 1;
const COUNT_UNTIL = AS_OF < END ? AS_OF : END;
const ENDED = AS_OF >= END;

const monthIndex = (d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
function owed(since) {
  if (since !== '' && since > END) return 0;
  if (since === '' || since <= START) return REQUIRED;
  const first = monthIndex(since) + (since.endsWith('-01') ? 0 : 1);
  const months = Math.max(0, Math.min(CYCLE_MONTHS, END_MONTH - Math.max(first, START_MONTH) + 1));
  return Math.ceil((REQUIRED * months) / CYCLE_MONTHS);
}

let out = '';
const emit = (line) => {
  out += line;
  if (out.length > 1 << 20) {
    writeSync(1, out);
    out = '';
  }
};
let id;
let since = '';
let tenths = 0;
function flush() {
  if (id === undefined) return;
  const required = owed(since);
  const short = Math.max(0, required * 10 - tenths);
  const status = short === 0 ? 'met' : ENDED ? 'not-met' : 'in-progress';
  emit(`${id},${tenths / 10},${required},${short / 10},${status},${status === 'met'}\n`);
}

// The same CSV as junheng's default: UTF-8 with a byte-order mark (so Excel reads Chinese).
emit('\uFEFFteacher_id,completed_hours,required_hours,shortfall,status,compliant\n');
const fd = openSync(process.argv[2], 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
let rest = '';
const decoder = new StringDecoder('utf8');
let header = true;
for (;;) {
  const read = readSync(fd, buffer, 0, buffer.length, null);
  if (read === 0) break;
  const text = rest + decoder.write(buffer.subarray(0, read));
  let pos = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', pos)) {
    const line = text.slice(pos, end);
    pos = end + 1;
    if (header) {
      header = false;
      continue;
    }
    if (line === '') continue;
    const [rowId, rowSince, date, hours] = line.split(',');
    if (rowId !== id) {
      flush();
      id = rowId;
      since = rowSince;
      tenths = 0;
    }
    if (date >= START && date <= COUNT_UNTIL) tenths += Math.round(Number(hours) * 10);
  }
  rest = text.slice(pos);
}
closeSync(fd);
flush();
writeSync(1, out);
