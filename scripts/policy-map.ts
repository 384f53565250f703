#!/usr/bin/env -S npx tsx
/**
 * Generates the docs site's policy map and parameter page from the provisions register and the
 * parameter tree, so the site cannot drift from the code:
 *
 *   docs/generated/policy-map.md   the opinion item by item, with the functions that encode each
 *                                  item (linked to their API pages), the parameters they read and
 *                                  the tests that pin them down
 *   docs/generated/parameters.md   every parameter with its whole history, and the values in force
 *
 * Run by `npm run docs` before typedoc (`tsx scripts/policy-map.ts`); it reads src/ directly, so it
 * works on a clean clone after `npm ci`, without a build.
 *
 * The "in force" date is `JUNHENG_DOCS_AS_OF` (`YYYY-MM-DD`) when set, otherwise the latest date on
 * which any parameter value takes effect — fixed by the data, so the site is reproducible.
 *
 * Fails (exit 1, one line per problem) when a provision has neither `implementedBy` nor
 * `notComputable`, when an `implementedBy` name is not an exported function, or when an
 * `implementedBy` name is not a declared calculator.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as junheng from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'generated');

/**
 * The parameters each declared calculator reads (exact dot paths), derived from the declarations
 * themselves (`calculators`): nothing here is kept by hand. The parameter-reads test proves each
 * list is exactly what the calculator reads.
 */
export const FUNCTION_PARAMETERS: Record<string, readonly string[]> = Object.fromEntries(junheng.calculators.map((c) => [c.name, c.parameters]));

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------
// Checks

/** What a provision needs for the policy map: its id, the functions that encode it and why not. */
export type RegisterEntry = Pick<junheng.ProvisionRecord, 'id' | 'implementedBy' | 'notComputable'>;

/**
 * The problems that stop the policy map: an item with neither `implementedBy` nor `notComputable`,
 * an `implementedBy` name that is not an exported function or has no row in `table`, a row whose
 * subtree matches no parameter, a register without 24 items.
 */
export function registerProblems(
  register: readonly RegisterEntry[],
  exports: Readonly<Record<string, unknown>>,
  table: Readonly<Record<string, readonly string[]>>,
  parameterPaths: readonly string[],
): string[] {
  const problems: string[] = [];
  if (register.length !== 24) problems.push(`the register has ${register.length} items, expected 24`);
  for (const p of register) {
    if (p.implementedBy.length === 0 && (p.notComputable ?? '').trim() === '') {
      problems.push(`provision ${p.id}: neither implementedBy nor notComputable — say which functions encode it, or why none can`);
    }
    for (const name of p.implementedBy) {
      if (!Object.hasOwn(exports, name)) problems.push(`provision ${p.id}: implementedBy names '${name}', which is not an export of junheng`);
      else if (typeof exports[name] !== 'function') problems.push(`provision ${p.id}: implementedBy names '${name}', which is not a function`);
      const prefixes = Object.hasOwn(table, name) ? table[name] : undefined;
      if (prefixes === undefined) {
        problems.push(`provision ${p.id}: '${name}' is not a declared calculator — declare it with defineCalculator or declareFunction`);
      } else {
        for (const prefix of prefixes) {
          if (!parameterPaths.some((path) => underPrefix(path, prefix))) problems.push(`FUNCTION_PARAMETERS.${name}: '${prefix}' matches no parameter`);
        }
      }
    }
  }
  return problems;
}

const provisions = junheng.provisions;
const descriptions = junheng.describeParameters();

let asOf = '';
let asOfWhy = '';
let inForce: junheng.ParameterListing[] = [];

// ---------------------------------------------------------------------------------------------
// Helpers

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/** Escapes text for Markdown (inline, outside code). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

/** A table cell: Markdown-escaped, on one line. */
function cell(text: string): string {
  return md(text).replace(/\r?\n/g, ' ');
}

/** Keeps a date (or a short value) on one line (see scripts/policy-map.css). */
const nowrap = (text: string) => `<span class="jh-nowrap">${text}</span>`;

function formatValue(v: unknown): string {
  if (v === null) return '— (none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (v instanceof junheng.Decimal) return v.toString();
  return JSON.stringify(v);
}

/**
 * The anchor typedoc gives a heading with this text: a copy of its Slugger (typedoc 0.28,
 * lowercase). Typedoc checks every `page.md#anchor` link against the headings it rendered, so a
 * wrong anchor fails the build; the browser test checks the in-page ones.
 */
function anchor(text: string): string {
  const slug = text.trim().replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '').replace(/\s/g, '-').replace(/--+/, '-');
  return (slug || '_').toLocaleLowerCase();
}

/** Collects a page's headings, and fails on two headings with the same anchor (typedoc would number them). */
class Headings {
  readonly #seen = new Map<string, string>();
  constructor(readonly page: string) {}
  line(level: number, text: string): string {
    const a = anchor(text);
    const before = this.#seen.get(a);
    if (before !== undefined) throw new Error(`${this.page}: headings '${before}' and '${text}' share the anchor '${a}'`);
    this.#seen.set(a, text);
    return `${'#'.repeat(level)} ${md(text)}\n\n`;
  }
}

/** Heading texts, and so anchors, of items, parameters and sources. */
const itemHeading = (p: junheng.ProvisionRecord) => `${p.id} ${p.title.zh}`;
const paramHeading = (path: string) => path;
const sourceHeading = (id: string) => `Source ${id}`;
const paramId = (path: string) => anchor(paramHeading(path));
const sourceId = (id: string) => anchor(sourceHeading(id));

const sourceRegister = junheng.sources as Record<string, junheng.SourceDocument>;
function sourceLabel(id: string): string {
  const s = sourceRegister[id];
  if (s === undefined) return md(id);
  return `[${md(id)}](parameters.md#${sourceId(id)})`;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(test|test-d)\.ts$/.test(name) ? [path] : [];
  });
}
let testFiles: Array<{ path: string; text: string }> | undefined;
function testsFor(name: string): string[] {
  const re = new RegExp(`\\b${name}\\b`);
  testFiles ??= walk(join(root, 'test')).map((f) => ({ path: relative(root, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));
  return testFiles.filter((t) => re.test(t.text)).map((t) => t.path).sort();
}

/**
 * A table of values in force: parameter (linked to its history), value (region), date (and the date
 * parameter it comes from), source and confidence (and "not confirmed since …" for a stale value).
 */
function inForceTable(values: readonly junheng.ParameterListing[]): string {
  const rows = values.map((v) => {
    const value = `${cell(formatValue(v.value))}${v.region === undefined ? '' : ` (${v.region})`}`;
    const from = `${nowrap(v.effectiveFrom)}${v.fromParameter === undefined ? '' : ` (\`${v.fromParameter}\`)`}`;
    const stale = v.stale && v.confirmedThrough !== undefined ? `, **not confirmed since ${v.confirmedThrough}**` : '';
    return `| [\`${v.path}\`](parameters.md#${paramId(v.path)}) | ${value} | ${from} | ${sourceLabel(v.source)}, ${v.confidence}${stale} |\n`;
  });
  return `| Parameter | Value (region) | From | Source, confidence |\n|---|---|---|---|\n${rows.join('')}`;
}

const frontMatter = (title: string) => `---\ntitle: ${title}\n---\n\n`;
const generatedNote =
  '<!-- Generated by scripts/policy-map.ts from src/provisions and src/parameters; do not edit — run `npm run docs`. -->\n\n';

// ---------------------------------------------------------------------------------------------
// policy-map.md

function policyMap(): string {
  const out: string[] = [];
  out.push(frontMatter('Policy map'), generatedNote);
  const h = new Headings('policy-map.md');
  out.push(h.line(1, 'Policy map'));
  out.push(
    'The district opinion 《统筹推进城乡义务教育一体化均衡发展的实施意见》 item by item: the Chinese text as printed, ' +
      'an English summary written for junheng (not an official translation), the responsible units, the functions that encode ' +
      'the item, the parameters those functions read with the value in force, and the tests that pin them down. ' +
      'Items that no function decides say why.\n\n',
  );
  out.push(`Parameter values are those in force on **${asOf}** (${asOfWhy}). Every value's history is on the [parameter page](parameters.md).\n\n`);

  const implemented = provisions.filter((p) => p.implementedBy.length > 0).length;
  out.push(`**${implemented}** of the ${provisions.length} items are encoded by at least one function; **${provisions.length - implemented}** are not, each with its reason.\n\n`);

  // Index table.
  out.push('| Item | Title | Encoded by |\n|---|---|---|\n');
  for (const p of provisions) {
    const by = p.implementedBy.length > 0 ? p.implementedBy.map((n) => `{@link ${n}}`).join(", ") : "*not computable*";
    out.push(`| [${p.id}](policy-map.md#${anchor(itemHeading(p))}) | ${cell(p.title.zh)} — ${cell(p.title.en)} | ${by} |\n`);
  }
  out.push('\n');

  let section = -1;
  for (const p of provisions) {
    if (p.section.number !== section) {
      section = p.section.number;
      out.push(h.line(2, `${'一二三四五六七八'[section - 1]}、${p.section.zh}`));
      out.push(`*${md(p.section.en)}*\n\n`);
    }
    out.push(h.line(3, itemHeading(p)));
    out.push(`**${md(p.title.en)}**\n\n`);

    // The text as printed: a blockquote; a printed line break stays a visible line break.
    const printed = p.text.zh.split('\n').map(md);
    out.push(`> ${printed.join(' ⏎<br>\n> ')}\n\n`);
    if (p.text.zh.includes('\n')) out.push('(⏎ marks a line break in the printed text.)\n\n');
    for (const note of p.textNotes ?? []) out.push(`*Text note:* ${md(note)}\n\n`);

    out.push(`**Summary.** ${md(p.summary.en)}\n\n`);
    out.push(`**Responsible units (责任单位).** ${p.responsibleUnits.map(md).join('、')}\n\n`);

    if (p.implementedBy.length === 0) {
      out.push(`**Not computable.** ${md(p.notComputable ?? '')}\n\n`);
      continue;
    }

    out.push('**Encoded by**\n\n');
    for (const name of p.implementedBy) {
      const prefixes = FUNCTION_PARAMETERS[name] as readonly string[];
      const reads = prefixes.length === 0 ? 'reads no parameter' : `reads ${prefixes.map((x) => `\`${x}\``).join(', ')}`;
      out.push(`- {@link ${name}} — ${reads}\n`);
    }
    out.push('\n');
    if (p.notComputable !== undefined) out.push(`**Not computable.** ${md(p.notComputable)}\n\n`);
    if (p.notYetEncoded !== undefined) out.push(`**Not yet encoded.** ${md(p.notYetEncoded)}\n\n`);

    const prefixes = [...new Set(p.implementedBy.flatMap((n) => FUNCTION_PARAMETERS[n] as readonly string[]))];
    const values = inForce.filter((v) => prefixes.some((x) => underPrefix(v.path, x)));
    if (values.length > 0) {
      out.push(`**Parameters in force on ${asOf}**\n\n`);
      out.push(inForceTable(values));
      out.push('\n');
    } else {
      out.push('**Parameters.** The functions read no parameter.\n\n');
    }

    const tests = [...new Set(p.implementedBy.flatMap(testsFor))].sort();
    out.push('**Tests**\n\n');
    if (tests.length === 0) out.push('No test file names these functions.\n\n');
    else {
      for (const t of tests) {
        const names = p.implementedBy.filter((n) => testsFor(n).includes(t));
        out.push(`- \`${t}\` (${names.map((n) => `\`${n}\``).join(', ')})\n`);
      }
      out.push('\n');
    }
  }
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// parameters.md

function parametersPage(): string {
  const out: string[] = [];
  out.push(frontMatter('Parameters'), generatedNote);
  const h = new Headings('parameters.md');
  out.push(h.line(1, 'Parameters'));
  out.push(
    "Every figure junheng's rules read, from its parameter tree: each parameter's description, unit and every dated value " +
      'with its source and confidence. A value is in force from its date until the next value of the same parameter (and region). ' +
      "The opinion's own values start on `opinion.effectiveFrom` (shown with its default; one patch of it moves them all). " +
      'A value whose source is dated says until when a source confirms it (Confirmed through); on a later date it is listed as not confirmed since then. ' +
      'Override any of them with the `parameters` option of a calculator, using the dot path shown. The policy map is on the [policy map page](policy-map.md).\n\n',
  );
  out.push(h.line(2, `Values in force on ${asOf}`));
  out.push(`The date is ${asOf}: ${asOfWhy}.\n\n`);
  out.push(inForceTable(inForce));
  const missing = descriptions.filter((d) => !inForce.some((v) => v.path === d.path));
  if (missing.length > 0) {
    out.push(`\nNo value yet on ${asOf}: ${missing.map((d) => `[\`${d.path}\`](parameters.md#${paramId(d.path)})`).join(', ')}.\n`);
  }
  out.push('\n');
  out.push(h.line(2, 'History'));
  for (const d of descriptions) {
    out.push(h.line(3, paramHeading(d.path)));
    out.push(`${md(d.description.zh)} — ${md(d.description.en)}\n\n`);
    const facts = [`kind: ${d.kind}`];
    if (d.unit !== undefined) facts.push(`unit: ${md(d.unit)}`);
    if (d.regional) facts.push('differs by region');
    if (d.choices !== undefined) facts.push(`choices: ${d.choices.map((c) => `\`${c}\``).join(', ')}`);
    out.push(`${facts.join(' · ')}\n\n`);
    out.push('| From | Value | Region | Source | Confidence | Confirmed through | Note |\n|---|---|---|---|---|---|---|\n');
    for (const dated of d.history) {
      const s = sourceRegister[dated.source];
      const title = s === undefined ? '' : ` — ${cell(s.title.zh)}${s.number === undefined ? '' : ` (${cell(s.number)})`}`;
      const from = `${nowrap(dated.from)}${dated.fromParameter === undefined ? '' : ` (\`${dated.fromParameter}\`)`}`;
      out.push(`| ${from} | ${cell(formatValue(dated.value))} | ${dated.region ?? ''} | ${sourceLabel(dated.source)}${title} | ${dated.confidence} | ${dated.confirmedThrough === undefined ? '' : nowrap(dated.confirmedThrough)} | ${cell(dated.note ?? '')} |\n`);
    }
    out.push('\n');
  }
  out.push(h.line(2, 'Sources'));
  for (const s of Object.values(sourceRegister)) {
    out.push(h.line(3, sourceHeading(s.id)));
    out.push(`${md(s.title.zh)} — ${md(s.title.en)}${s.number === undefined ? '' : ` (${md(s.number)})`}${s.date === undefined ? '' : `, ${s.date}`}\n\n`);
    out.push(`${md(s.note)}\n\n`);
  }
  return out.join('');
}

function main(): void {
  const problems = registerProblems(provisions, junheng as unknown as Record<string, unknown>, FUNCTION_PARAMETERS, descriptions.map((d) => d.path));
  const envAsOf = process.env['JUNHENG_DOCS_AS_OF'] ?? '';
  if (envAsOf !== '' && !DATE_RE.test(envAsOf)) problems.push(`JUNHENG_DOCS_AS_OF must be YYYY-MM-DD, got '${envAsOf}'`);
  if (problems.length > 0) {
    process.stderr.write(`policy-map: cannot generate the policy map:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const latestFrom = descriptions.flatMap((d) => d.history.map((h) => h.from)).sort().at(-1) as string;
  asOf = envAsOf !== '' ? envAsOf : latestFrom;
  asOfWhy =
    envAsOf !== ''
      ? 'set by `JUNHENG_DOCS_AS_OF`'
      : 'the latest date on which any parameter value takes effect; set `JUNHENG_DOCS_AS_OF=YYYY-MM-DD` when running `npm run docs` to choose another';
  inForce = junheng.listParameters({ asOf });

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'policy-map.md'), policyMap());
  writeFileSync(join(outDir, 'parameters.md'), parametersPage());
  process.stdout.write(`policy-map: wrote docs/generated/policy-map.md and parameters.md (${provisions.length} items, ${descriptions.length} parameters, as of ${asOf})\n`);
}

// Run as a script (`tsx scripts/policy-map.ts`); imported (by the tests) it only defines.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolvePath(process.argv[1])).href) main();
