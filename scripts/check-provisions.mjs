#!/usr/bin/env node
// Extracts the 24 items of the opinion from policy/opinion.zh.txt and prints them as JSON
// (id, section, title, full text, responsible units as printed and expanded by the 区 rule).
//
// Used to produce the zh strings of src/provisions/items.ts without retyping them, and to
// re-check them by eye after an edit:
//
//   node scripts/check-provisions.mjs            # JSON of all items
//   node scripts/check-provisions.mjs --ts       # the text.zh fields as TS string literals
//
// The register test (test/provisions/register.test.ts) performs the binding checks; this
// script is a convenience and is not imported by the library or the tests.
import { readFileSync } from 'node:fs';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
const SECTION_RE = /^([一二三四五六七八])、(.+)$/u;
const ITEM_RE = /^（([一二三四])）([^。]+)。/u;
const UNITS_RE = /（责任单位：([^（）]+)）$/u;

/** Expands a printed 责任单位 list: the leading 区 applies to every unit that follows it. */
export function expandUnits(printed) {
  const units = [];
  for (const group of printed.split('，')) {
    const names = group.split('、');
    const districtGroup = names[0].startsWith('区');
    for (const name of names) {
      if (!districtGroup || name.startsWith('区') || name === '团区委') units.push(name);
      else units.push(`区${name}`);
    }
  }
  return units;
}

/** Splits the opinion into items. Body = everything after the one-line abstract. */
export function extractItems(source) {
  const lines = source.split('\n').slice(1);
  const items = [];
  let section = null;
  let current = null;
  for (const line of lines) {
    const sec = SECTION_RE.exec(line);
    if (sec) {
      section = { number: ORDINALS.indexOf(sec[1]) + 1, zh: sec[2] };
      current = null;
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item) {
      current = {
        id: `${section.number}.${ORDINALS.indexOf(item[1]) + 1}`,
        section,
        title: item[2],
        lines: [line],
      };
      items.push(current);
      continue;
    }
    // A continuation line (5.1 is printed with a line break inside "超过\n100人").
    if (current && !UNITS_RE.test(current.lines.at(-1)) && line.trim() !== '') {
      current.lines.push(line);
    }
  }
  return items.map(({ lines: itemLines, ...rest }) => {
    const text = itemLines.join('\n');
    const units = UNITS_RE.exec(text);
    return {
      ...rest,
      text,
      unitsPrinted: units ? units[1] : null,
      responsibleUnits: units ? expandUnits(units[1]) : [],
    };
  });
}

const isMain = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const source = readFileSync(new URL('../policy/opinion.zh.txt', import.meta.url), 'utf8');
  const items = extractItems(source);
  if (process.argv.includes('--ts')) {
    for (const it of items) console.log(`// ${it.id}\ntext: { zh: ${JSON.stringify(it.text)} },`);
  } else {
    console.log(JSON.stringify(items, null, 2));
  }
  const problems = [];
  if (items.length !== 24) problems.push(`expected 24 items, found ${items.length}`);
  for (const it of items) if (!it.unitsPrinted) problems.push(`${it.id}: no 责任单位 parenthetical`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}
