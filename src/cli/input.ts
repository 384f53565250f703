/**
 * Reading the files the command line is given: a roster (CSV or JSON) and a `--what-if` patch.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { School } from 'junheng';
import { InputError } from './command.js';
import { CsvError, readRoster } from './csv.js';
import type { RosterSource } from './issues.js';

/** Reads a text file, turning a missing or unreadable file into an {@link InputError}. */
export function readText(file: string, what = file): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError([`cannot read ${what}: ${reason}`]);
  }
}

/** Parses JSON text, turning a syntax error into an {@link InputError} naming the file. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new InputError([`${what} is not valid JSON: ${(error as Error).message}`]);
  }
}

/** A roster as read: the schools to pass to the library, and where each came from. */
export interface Roster {
  readonly schools: School[];
  readonly source: RosterSource;
}

/** Whether `file` is JSON: by its extension, else by its first non-blank character. */
function isJson(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.csv') return false;
  return /^\uFEFF?\s*[[{]/.test(text);
}

/**
 * Reads a roster file: CSV (see `readRoster`) or JSON (an array of school objects, as-is). The
 * schools are not validated here; the library does that.
 */
export function readSchools(file: string): Roster {
  const text = readText(file);
  if (isJson(file, text)) {
    const data = parseJson(text, file);
    const schools = data as School[];
    return { schools, source: { kind: 'json', file, schools: Array.isArray(data) ? data : [] } };
  }
  try {
    const { schools, lines } = readRoster(text);
    return { schools, source: { kind: 'csv', file, lines, schools } };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${file} is not a readable roster CSV:`);
    throw error;
  }
}
