#!/usr/bin/env -S npx tsx
/**
 * Generates the docs site's policy map and parameter page from the provisions register and the
 * parameter tree, so the site cannot drift from the code:
 *
 *   docs/generated/policy-map.md   the opinion item by item, with the functions that encode each
 *                                  item (linked to their API pages), the parameters they read and
 *                                  the tests that pin them down
 *   docs/generated/parameters.md   every parameter with its whole history, and the values in force
 *   docs/generated/clauses/S.I.md  one page per item: the clause beside the code that decides it —
 *                                  the pure rule(s) read from src/ at build time (scripts/clauses.ts),
 *                                  each line linked to its file and line in the repository — with the
 *                                  parameters read, their values, and the calculators' examples
 *
 * Run by `npm run docs` before typedoc (`tsx scripts/policy-map.ts`); it reads src/ directly, so it
 * works on a clean clone after `npm ci`, without a build.
 *
 * The "in force" date is `JUNHENG_DOCS_AS_OF` (`YYYY-MM-DD`) when set, otherwise 2025-09-01, the date
 * every example in the documentation uses (fixed, so the site is reproducible); every generated page
 * says which date it shows.
 *
 * Line links on the clause pages: each line number of a rule's code is a permalink to that line in
 * the page (`#publicFundingRule-L136`) and carries its repository path as GitHub-style text
 * (`src/funding/rule.ts#L136`, shown on hover and in the block's caption). They are not links into
 * the clone: typedoc copies any relative file a page links to into `media/` and rewrites the link,
 * and a `.ts` file opened in a browser downloads (the MPEG-TS type) rather than shows; links out of
 * docs/api would also break where the site is served on its own. The code itself is read from
 * src/ at build time, so what the page shows is the file at that path and line.
 *
 * Fails (exit 1, one line per problem) when a provision has neither `implementedBy` nor
 * `notComputable`, when an `implementedBy` name is not an exported function, or when an
 * `implementedBy` name is not a declared calculator, or when a calculator's rule cannot be located in
 * src/ (`export function <name>Rule(`; see scripts/clauses.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as junheng from '../src/index.js';
import { docExamples, docSummary, locateRules, type LocatedCalculator } from './clauses.js';
import { historyChart } from './history.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'generated');

/**
 * The parameters each declared calculator reads (exact dot paths), derived from the declarations
 * themselves (`calculators`): nothing here is kept by hand. The parameter-reads test proves each
 * list is exactly what the calculator reads.
 */
export const FUNCTION_PARAMETERS: Record<string, readonly string[]> = Object.fromEntries(junheng.calculators.map((c) => [c.name, c.parameters]));

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The documentation date when `JUNHENG_DOCS_AS_OF` is not set: the date of every example. */
export const DEFAULT_AS_OF = '2025-09-01';

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
function sourceLabel(id: string, dir = ''): string {
  const s = sourceRegister[id];
  if (s === undefined) return md(id);
  return `[${md(id)}](${dir}parameters.md#${sourceId(id)})`;
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
function inForceTable(values: readonly junheng.ParameterListing[], dir = ''): string {
  const rows = values.map((v) => {
    const value = `${cell(formatValue(v.value))}${v.region === undefined ? '' : ` (${v.region})`}`;
    const from = `${nowrap(v.effectiveFrom)}${v.fromParameter === undefined ? '' : ` (\`${v.fromParameter}\`)`}`;
    const stale = v.stale && v.confirmedThrough !== undefined ? `, **not confirmed since ${v.confirmedThrough}**` : '';
    return `| [${paramName(v.path)}](${dir}parameters.md#${paramId(v.path)}) | ${value} | ${from} | ${sourceLabel(v.source, dir)}, ${v.confidence}${stale} |\n`;
  });
  return `| Parameter | Value (region) | From | Source, confidence |\n|---|---|---|---|\n${rows.join('')}`;
}

const frontMatter = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\n`;

/**
 * A parameter's dot path as inline code that wraps only after a dot (a `<wbr>` after each '.'),
 * never inside a name: `funding.benchmark.primary` may break as `funding.benchmark.` / `primary`.
 */
function paramName(path: string): string {
  return `<code class="jh-param">${path.split('.').map(md).join('.<wbr>')}</code>`;
}
const generatedNote =
  '<!-- Generated by scripts/policy-map.ts from src/provisions and src/parameters; do not edit — run `npm run docs`. -->\n\n';

// ---------------------------------------------------------------------------------------------
// policy-map.md

function policyMap(): string {
  const out: string[] = [];
  const children = provisions.map((p) => `  ${JSON.stringify(clauseTitle(p))}: ${JSON.stringify(`clauses/${p.id}.md`)}\n`).join('');
  out.push(frontMatter('Policy map', `category: none\nchildren:\n${children}`), generatedNote);
  const h = new Headings('policy-map.md');
  out.push(h.line(1, 'Policy map'));
  out.push(
    'The district opinion 《统筹推进城乡义务教育一体化均衡发展的实施意见》 item by item: the Chinese text as printed, ' +
      'an English summary written for junheng (not an official translation), the responsible units, the functions that encode ' +
      'the item and the parameters those functions read with the value in force. ' +
      'Items that no function decides say why. Each item has its own page where the clause stands beside the code that decides it: ' +
      'choose an item in the table below.\n\n',
  );
  out.push(`Parameter values are those in force on **${asOf}** (${asOfWhy}). Every value's history is on the [parameter page](parameters.md).\n\n`);

  const implemented = provisions.filter((p) => p.implementedBy.length > 0).length;
  out.push(`**${implemented}** of the ${provisions.length} items are encoded by at least one function; **${provisions.length - implemented}** are not, each with its reason.\n\n`);

  // Index table.
  out.push('| Item | Title (clause beside code) | Encoded by | Details |\n|---|---|---|---|\n');
  for (const p of provisions) {
    const by = p.implementedBy.length > 0 ? p.implementedBy.map((n) => `{@link ${n}}`).join(", ") : "*not computable*";
    out.push(
      `| [${p.id}](clauses/${p.id}.md) | [${cell(p.title.zh)}](clauses/${p.id}.md) — ${cell(p.title.en)} | ${by} | [below](policy-map.md#${anchor(itemHeading(p))}) |\n`,
    );
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
    out.push(`**${md(p.title.en)}** · [The clause beside its code →](clauses/${p.id}.md)\n\n`);

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

    out.push(forDevelopers(p));
  }
  return out.join('');
}

/** The test files that name an item's functions, behind a collapsed "For developers" section. */
function forDevelopers(p: junheng.ProvisionRecord, located?: ReadonlyMap<string, LocatedCalculator>): string {
  const out: string[] = ['<details class="jh-dev">\n<summary>For developers: tests and sources</summary>\n\n'];
  const tests = [...new Set(p.implementedBy.flatMap(testsFor))].sort();
  if (tests.length === 0) out.push('No test file names these functions.\n\n');
  else {
    out.push('The test files that name these functions:\n\n');
    for (const t of tests) {
      const names = p.implementedBy.filter((n) => testsFor(n).includes(t));
      out.push(`- \`${t}\` (${names.map((n) => `\`${n}\``).join(', ')})\n`);
    }
    out.push('\n');
  }
  if (located !== undefined) {
    out.push('Declarations (input schema, parameter reads, result and explanation):\n\n');
    for (const name of p.implementedBy) {
      const c = located.get(name) as LocatedCalculator;
      out.push(`- {@link ${name}}: \`${c.declaration.file}\` line ${c.declaration.line}\n`);
    }
    out.push('\n');
  }
  out.push('</details>\n\n');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// clauses/S.I.md: the clause beside the code that decides it

/** The title (and sidebar name) of an item's clause page. */
const clauseTitle = (p: junheng.ProvisionRecord) => `${p.id} ${p.title.zh}`;

/** Rules located in src/ by main(), for the clause pages. */
let located = new Map<string, LocatedCalculator>();

/**
 * A highlighted code block (typedoc highlights fenced code) beside a gutter of line numbers: each
 * number is a permalink to its line (`#<name>-L42`) titled with its repository path and line
 * (`src/wellbeing/securityPostCheck.ts#L42`). See the header for why not a link into the clone.
 */
function sourceBlock(name: string, file: string, first: number, text: string): string {
  // '~~~' fences: the code and examples shown here are not re-run by the documentation test, which
  // runs the examples where they are written (the TSDoc in src/) and takes only ``` blocks.
  const lines = text.split('\n');
  const gutter = lines
    .map((_, i) => `<a id="${name}-L${first + i}" href="#${name}-L${first + i}" title="${file}#L${first + i}">${first + i}</a>`)
    .join('\n');
  const last = first + lines.length - 1;
  return (
    `<div class="jh-source" data-file="${file}">\n<div class="jh-source-path">${file}#L${first}-L${last}</div>\n` +
    `<div class="jh-source-body">\n<div class="jh-gutter">\n${gutter}\n</div>\n\n~~~ts\n${text}\n~~~\n\n</div>\n</div>\n\n`
  );
}

function clausePage(p: junheng.ProvisionRecord): string {
  const out: string[] = [];
  const dir = '../';
  out.push(frontMatter(clauseTitle(p)), generatedNote);
  const h = new Headings(`clauses/${p.id}.md`);
  out.push(h.line(1, clauseTitle(p)));
  const sectionName = `${'一二三四五六七八'[p.section.number - 1]}、${p.section.zh}`;
  out.push(
    `**${md(p.title.en)}** · ${md(sectionName)} (*${md(p.section.en)}*) · [this item on the policy map](${dir}policy-map.md#${anchor(itemHeading(p))}) · [all parameters](${dir}parameters.md)\n\n`,
  );
  out.push(`Values shown are those in force on **${asOf}** (${asOfWhy}).\n\n`);

  // Left: the clause and junheng's readings; right: the code that decides it.
  out.push('<div class="jh-clause">\n<div class="jh-law">\n\n');
  out.push(h.line(2, 'The clause'));
  const printed = p.text.zh.split('\n').map(md);
  out.push(`> ${printed.join(' ⏎<br>\n> ')}\n\n`);
  if (p.text.zh.includes('\n')) out.push('(⏎ marks a line break in the printed text.)\n\n');
  for (const note of p.textNotes ?? []) out.push(`*Text note:* ${md(note)}\n\n`);
  out.push(`**Summary** (written for junheng, not an official translation). ${md(p.summary.en)}\n\n`);
  out.push(`**Responsible units (责任单位).** ${p.responsibleUnits.map(md).join('、')}\n\n`);
  out.push(h.line(2, "junheng's readings"));
  if (p.notComputable !== undefined) out.push(`**Not computable.** ${md(p.notComputable)}\n\n`);
  if (p.notYetEncoded !== undefined) out.push(`**Not yet encoded.** ${md(p.notYetEncoded)}\n\n`);
  for (const name of p.implementedBy) {
    const c = located.get(name) as LocatedCalculator;
    out.push(`**{@link ${name}}.** ${docSummary(c.declaration.doc)}\n\n`);
  }
  out.push('The reasons behind each reading are in [Readings and decisions](../../decisions.md).\n\n');
  out.push('</div>\n<div class="jh-code">\n\n');

  out.push(h.line(2, 'The code that decides it'));
  if (p.implementedBy.length === 0) {
    out.push('No function decides this item (see the reading beside). There is no code to show.\n\n');
  }
  for (const name of p.implementedBy) {
    const c = located.get(name) as LocatedCalculator;
    const reads = FUNCTION_PARAMETERS[name] as readonly string[];
    const own = c.rule !== c.declaration;
    out.push(h.line(3, own ? c.rule.name : `${name} (declared with its function)`));
    const last = c.rule.line + c.rule.text.split('\n').length - 1;
    out.push(
      `${own ? `The pure rule of {@link ${name}}` : `{@link ${name}}, whose function is its rule`}, ` +
        `from \`${c.rule.file}\` lines ${c.rule.line}–${last} (each line number is a permalink to that line). ` +
        `${reads.length === 0 ? 'It reads no parameter.' : `It reads ${reads.map(paramName).join(', ')}.`}\n\n`,
    );
    out.push(sourceBlock(c.rule.name, c.rule.file, c.rule.line, c.rule.text));
  }
  out.push('</div>\n</div>\n\n');

  const paths = [...new Set(p.implementedBy.flatMap((n) => FUNCTION_PARAMETERS[n] as readonly string[]))];
  if (p.implementedBy.length > 0) {
    out.push(h.line(2, `Parameters in force on ${asOf}`));
    const values = inForce.filter((v) => paths.includes(v.path));
    if (values.length === 0) out.push('The rules read no parameter.\n\n');
    else out.push(`${inForceTable(values, dir)}\n`);
    const none = paths.filter((x) => !values.some((v) => v.path === x));
    if (none.length > 0) out.push(`No value on ${asOf}: ${none.map(paramName).join(', ')}.\n\n`);

    out.push(h.line(2, 'Worked examples'));
    out.push('Each `//=>` is the value the line returns; the documentation test runs every one of them, so they are the library\'s own answers.\n\n');
    for (const name of p.implementedBy) {
      const c = located.get(name) as LocatedCalculator;
      const examples = [...docExamples(c.declaration.doc), ...(c.rule === c.declaration ? [] : docExamples(c.rule.doc))];
      if (examples.length === 0) continue;
      out.push(h.line(3, `Examples of ${name}`));
      for (const e of examples) out.push(`~~~ts\n${e}\n~~~\n\n`);
    }
  }
  out.push(forDevelopers(p, located));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// parameters.md

function parametersPage(): string {
  const out: string[] = [];
  out.push(frontMatter('Parameters', 'category: none\n'), generatedNote);
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
    out.push(historyChart(d, { asOf, format: formatValue, sourceHref: (id) => (sourceRegister[id] === undefined ? undefined : `#${sourceId(id)}`) }));
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
  const rules = locateRules(provisions, join(root, 'src'), root);
  located = rules.located;
  problems.push(...rules.problems);
  const envAsOf = process.env['JUNHENG_DOCS_AS_OF'] ?? '';
  if (envAsOf !== '' && !DATE_RE.test(envAsOf)) problems.push(`JUNHENG_DOCS_AS_OF must be YYYY-MM-DD, got '${envAsOf}'`);
  if (problems.length > 0) {
    process.stderr.write(`policy-map: cannot generate the policy map:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  asOf = envAsOf !== '' ? envAsOf : DEFAULT_AS_OF;
  asOfWhy =
    envAsOf !== ''
      ? 'set by `JUNHENG_DOCS_AS_OF`'
      : 'the date every example in this documentation uses; build with `JUNHENG_DOCS_AS_OF=YYYY-MM-DD npm run docs` to show another';
  inForce = junheng.listParameters({ asOf });

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'policy-map.md'), policyMap());
  writeFileSync(join(outDir, 'parameters.md'), parametersPage());
  const clauseDir = join(outDir, 'clauses');
  rmSync(clauseDir, { recursive: true, force: true });
  mkdirSync(clauseDir, { recursive: true });
  for (const p of provisions) writeFileSync(join(clauseDir, `${p.id}.md`), clausePage(p));
  process.stdout.write(
    `policy-map: wrote docs/generated/policy-map.md, parameters.md and clauses/*.md (${provisions.length} items, ${located.size} rules located in src/, ${descriptions.length} parameters, as of ${asOf})\n`,
  );
}

// Run as a script (`tsx scripts/policy-map.ts`); imported (by the tests) it only defines.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolvePath(process.argv[1])).href) main();
