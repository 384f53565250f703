import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provisions } from '../../src/provisions/index.js';

/** The register as published: the items with `implementedBy` derived from the calculators' declarations. */
const provisionItems = provisions;

const opinion = readFileSync(new URL('../../policy/opinion.zh.txt', import.meta.url), 'utf8');
/** The body of the opinion: everything after the one-line abstract. */
const bodyLines = opinion.split('\n').slice(1);

const EXPECTED_IDS = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3',
  '3.1', '3.2', '3.3',
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2',
  '6.1', '6.2', '6.3', '6.4',
  '7.1', '7.2',
  '8.1', '8.2', '8.3',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
const SECTION_HEADING = /^([一二三四五六七八])、(.+)$/u;
const UNITS_PARENTHETICAL = /（责任单位：([^（）]+)）$/u;

/** Units that legitimately carry no 区 prefix of their own. */
const UNPREFIXED_ALLOWED = ['各镇街', '团区委'];

/** The 区 rule: a leading 区 applies to every unit that follows it in the same list. */
function expandUnits(printed: string): string[] {
  return printed.split('，').flatMap((group) => {
    const names = group.split('、');
    const district = names[0]!.startsWith('区');
    return names.map((name) =>
      district && !name.startsWith('区') && !UNPREFIXED_ALLOWED.includes(name) ? `区${name}` : name,
    );
  });
}

describe('provisions register', () => {
  it('has the 24 items, ids 1.1 … 8.3 in printed order, each unique', () => {
    const ids = provisionItems.map((item) => item.id);
    expect(ids).toEqual(EXPECTED_IDS);
    expect(new Set(ids).size).toBe(24);
  });

  it('gives each item the section heading printed above it', () => {
    const headings = bodyLines
      .map((line) => SECTION_HEADING.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ number: ORDINALS.indexOf(m[1]!) + 1, zh: m[2]! }));
    expect(headings).toHaveLength(8);
    for (const item of provisionItems) {
      const sectionNumber = Number(item.id.split('.')[0]);
      expect(item.section.number, item.id).toBe(sectionNumber);
      expect(item.section.zh, item.id).toBe(headings[sectionNumber - 1]!.zh);
      expect(item.section.en.length, item.id).toBeGreaterThan(0);
    }
  });

  describe.each(provisionItems.map((item) => [item.id, item] as const))('item %s', (id, item) => {
    const itemNumber = Number(id.split('.')[1]);

    it('has text.zh that occurs verbatim in the opinion body', () => {
      expect(bodyLines.join('\n')).toContain(item.text.zh);
    });

    it('starts with the ordinal marker of its item number, then the printed title', () => {
      expect(item.text.zh.startsWith(`（${ORDINALS[itemNumber - 1]}）${item.title.zh}。`)).toBe(true);
      expect(item.title.zh).not.toMatch(/[（）。]/u);
      expect(item.title.en.length).toBeGreaterThan(0);
    });

    it('ends with its 责任单位 parenthetical, whose expanded units equal responsibleUnits', () => {
      const match = UNITS_PARENTHETICAL.exec(item.text.zh);
      expect(match).not.toBeNull();
      expect(item.responsibleUnits).toEqual(expandUnits(match![1]!));
    });

    it('names every unit in full, with the 区 prefix exactly once', () => {
      expect(item.responsibleUnits.length).toBeGreaterThan(0);
      for (const unit of item.responsibleUnits) {
        if (UNPREFIXED_ALLOWED.includes(unit)) continue;
        expect(unit, unit).toMatch(/^区/u);
        expect(unit, unit).not.toMatch(/^区区/u);
      }
      expect(new Set(item.responsibleUnits).size).toBe(item.responsibleUnits.length);
    });

    it('has either implementing functions or a reason it is not computable, not both', () => {
      const implemented = item.implementedBy.length > 0;
      const reason = 'notComputable' in item ? item.notComputable : undefined;
      const partly = 'notYetEncoded' in item ? item.notYetEncoded : undefined;
      expect(implemented !== (typeof reason === 'string' && reason.trim().length > 0)).toBe(true);
      if (!implemented) {
        expect(reason).toBeDefined();
        expect(partly).toBeUndefined(); // "not yet encoded in part" only makes sense beside implementing functions
      } else {
        expect(reason).toBeUndefined();
        if (partly !== undefined) expect(partly.trim().length).toBeGreaterThan(20);
      }
    });

    it('has a summary of two to four sentences', () => {
      const sentences = item.summary.en.split(/(?<=[.!?])\s+(?=[A-Z"])/u);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
    });
  });

  it('covers every item line of the body exactly once', () => {
    const itemLines = bodyLines.filter((line) => line.startsWith('（'));
    expect(itemLines).toHaveLength(24);
    for (const line of itemLines) {
      const covering = provisionItems.filter((item) => item.text.zh.split('\n').includes(line));
      expect(covering.map((item) => item.id), line.slice(0, 20)).toHaveLength(1);
    }
  });

  it('concatenates to the body with only the preamble and section headings left out', () => {
    const firstItem = bodyLines.findIndex((line) => line.startsWith('（'));
    const expected = bodyLines
      .slice(firstItem)
      .filter((line) => !SECTION_HEADING.test(line) && line.trim() !== '')
      .join('\n');
    expect(provisionItems.map((item) => item.text.zh).join('\n')).toBe(expected);
  });

  it('keeps the printed line break of 5.1 and explains it', () => {
    const item = provisionItems.find((i) => i.id === '5.1')!;
    expect(item.text.zh).toContain('对农村超过\n100人不足200人');
    expect(item.text.zh.split('\n')).toHaveLength(2);
    expect(item.textNotes).toBeDefined();
    expect(item.textNotes!.join(' ')).toMatch(/100/u);
    expect([...item.implementedBy].sort()).toEqual([
      'allocateBudget',
      'livingSubsidyBudget',
      'livingSubsidyEligibility',
      'publicFunding',
    ]);
  });

  it('has no line break in any item other than 5.1', () => {
    const multiLine = provisionItems.filter((item) => item.text.zh.includes('\n')).map((i) => i.id);
    expect(multiLine).toEqual(['5.1']);
  });

  it('notes the flattened target years of 2.3', () => {
    const item = provisionItems.find((i) => i.id === '2.3')!;
    expect(item.text.zh).toContain('2025—2025年');
    expect(item.textNotes?.join(' ')).toContain('2025—2025');
  });

  it('expands the 区 rule as the README table does for representative lists', () => {
    const units = (id: string) => provisionItems.find((i) => i.id === id)!.responsibleUnits;
    expect(units('5.1')).toEqual(['区财政局', '区教育局', '区发改局', '各镇街']);
    expect(units('4.1')).toEqual(['区教育局', '区文明办', '区人社局', '各镇街']);
    expect(units('3.1')).toEqual(['区教育局', '区文明办', '区环保局', '团区委', '区科协', '区人武部', '各镇街']);
    expect(units('8.2')).toEqual(['区委组织部', '区教育局', '区委督查室', '区政府督查室', '各镇街']);
    expect(units('3.2')).toContain('区体育中心');
    expect(units('1.1')).toContain('区残联');
  });
});
