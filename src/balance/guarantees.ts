import * as z from 'zod';
import { step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, PolicyInputError, type PolicyIssue } from '../core/errors.js';
import { yuanToFen } from '../core/money.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { countSchema, describeValue, idSchema, moneySchema, parseInto, record, throwIfAny } from '../core/schemas.js';
import type { Bilingual } from '../core/types.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { parameterSteps } from '../parameters/steps.js';
import { parameterTree } from '../parameters/tree.js';
import { classListSchema, classSizeReport, schoolSizeSchema, schoolSizeStatus } from '../classes/index.js';
import { payAveragesSchema, payParity, rotationCompliance, rotationSchema, staffingCheck, staffingSchema, teacherListSchema, trainingReport } from '../teachers/index.js';
import { admissionsPlanCheck, admissionsPlanSchema } from '../admissions/index.js';
import { areaSchema } from './schemas.js';

// ---------------------------------------------------------------- input

const flag = (what: string) =>
  z.boolean({ error: (iss) => (iss.input === undefined ? `is required (true or false: ${what})` : `must be true or false (${what}), got ${describeValue(iss.input)}`) });
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: (iss) => `must be a list of ${what}, got ${describeValue(iss.input)}` });
const pair = <A extends string, B extends string>(a: A, b: B, what: string) =>
  record({ [a]: countSchema, [b]: countSchema } as Record<A | B, typeof countSchema>, what);

/**
 * The evidence for the government-guarantee items (教督〔2017〕6号, national-standards §5.2). Every
 * field is optional: an item whose data is absent is reported as `'needs-evidence'`.
 *
 * @category Balanced development
 */
export const guaranteeEvidenceSchema = record(
  {
    /** G3: per school, its classes and the areas of its music and art rooms. */
    specialRooms: list(
      record({ schoolId: idSchema, classes: countSchema, musicRoomAreas: list(areaSchema, 'areas in m²'), artRoomAreas: list(areaSchema, 'areas in m²') }, 'a school { schoolId, classes, musicRoomAreas, artRoomAreas }'),
      'schools',
    ).optional(),
    /** G4: every school's type and pupils (as `schoolSizeStatus` takes them). */
    schoolSizes: list(schoolSizeSchema, 'schools { type, pupils, id? }').optional(),
    /** G5: every class (as `classSizeReport` takes them). */
    classes: classListSchema.optional(),
    /** G6: every village school and teaching point with its pupils and the pupils its public funding was set for. */
    smallSchools: list(record({ schoolId: idSchema, pupils: countSchema, fundedPupils: countSchema }, 'a school { schoolId, pupils, fundedPupils }'), 'schools').optional(),
    /** G7: every special-education school with its pupils and its public funding for the year (yuan). */
    specialEducation: list(record({ schoolId: idSchema, pupils: countSchema, publicFunding: moneySchema }, 'a school { schoolId, pupils, publicFunding }'), 'schools').optional(),
    /** G8: county averages (as `payParity` takes them). */
    pay: payAveragesSchema.optional(),
    /** G9: the teachers with their training (as `trainingReport` takes them)… */
    trainingRecords: teacherListSchema.optional(),
    /** …or the county's counts. */
    training: pair('teachers', 'completed', 'counts { teachers, completed }').optional(),
    /** G11: (as `rotationCompliance` takes them). */
    rotation: rotationSchema.optional(),
    /** G12: teachers and those holding a teacher certificate. */
    certification: pair('teachers', 'certified', 'counts { teachers, certified }').optional(),
    /** G13: new pupils admitted, and those admitted to their nearby (zoned) school, by stage. */
    nearbyAdmission: record(
      { primary: pair('admitted', 'nearby', 'counts { admitted, nearby }').optional(), junior: pair('admitted', 'nearby', 'counts { admitted, nearby }').optional() },
      'counts by stage { primary?, junior? }',
    ).optional(),
    /** G14: quality senior-high places, and those allocated to junior schools. */
    quotaAllocation: pair('qualityPlaces', 'allocatedPlaces', 'counts { qualityPlaces, allocatedPlaces }').optional(),
    /** G15: eligible migrant children and those in public schools or government-purchased places, and whether a left-behind children care system exists. */
    migrantChildren: pair('eligible', 'inPublicOrPurchased', 'counts { eligible, inPublicOrPurchased }').optional(),
    leftBehindCareSystem: flag('a care system for left-behind children exists').optional(),
  },
  'an object of guarantee evidence',
);

/** The evidence for the government-guarantee items, as given. @category Balanced development */
export type GuaranteeEvidence = z.input<typeof guaranteeEvidenceSchema>;

/**
 * The evidence for the one-vote vetoes. `admissions`: the schools' admissions plans (as
 * `admissionsPlanCheck` takes them); `staffing`: the county's posts (as `staffingCheck` takes
 * them); the rest are an inspector's findings.
 *
 * @category Balanced development
 */
export const vetoEvidenceSchema = record(
  {
    admissions: list(admissionsPlanSchema, 'admissions plans').optional(),
    staffing: staffingSchema.optional(),
    irregularSchoolChoice: flag('irregular school choice found').optional(),
    majorSafetyIncident: flag('a major safety incident').optional(),
    falsifiedData: flag('falsified data found').optional(),
  },
  'an object of veto evidence',
);

/** The evidence for the vetoes, as given. @category Balanced development */
export type VetoEvidence = z.input<typeof vetoEvidenceSchema>;

// ---------------------------------------------------------------- results

/** Ids of the government-guarantee items. @category Balanced development */
export type GuaranteeId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10' | 'G11' | 'G12' | 'G13' | 'G14' | 'G15';

/** One government-guarantee item. @category Balanced development */
export interface GuaranteeItem {
  readonly id: GuaranteeId;
  readonly title: Bilingual;
  readonly status: 'passes' | 'fails' | 'needs-evidence';
  /** Why: what was compared, or what evidence is missing. */
  readonly reason: Bilingual;
  /** The functions (other areas' calculators) that decided it, if any. */
  readonly decidedBy?: string;
}

/** What {@link assessGovernmentGuarantees} returns. @category Balanced development */
export interface GuaranteesResult extends Explained {
  /** Every item passes (so nothing needs evidence). */
  readonly compliant: boolean;
  /** Some item fails. */
  readonly failed: boolean;
  readonly items: GuaranteeItem[];
}

/** Ids of the vetoes. @category Balanced development */
export type VetoId = 'admission-by-examination' | 'key-schools-or-classes' | 'irregular-school-choice' | 'vacant-posts-unfilled' | 'long-term-off-establishment' | 'major-safety-incident' | 'falsified-data';

/** One veto. @category Balanced development */
export interface VetoItem {
  readonly id: VetoId;
  readonly title: Bilingual;
  readonly status: 'triggered' | 'clear' | 'needs-evidence';
  readonly reason: Bilingual;
  readonly decidedBy?: string;
}

/** What {@link assessVetoes} returns. @category Balanced development */
export interface VetoesResult extends Explained {
  /** Some veto is triggered. */
  readonly triggered: boolean;
  readonly items: VetoItem[];
}

const TITLES: Record<GuaranteeId, Bilingual> = {
  G1: { zh: '义务教育学校布局合理', en: 'Sound school layout' },
  G2: { zh: '城乡统一的学校建设、教师编制、生均公用经费基准定额、基本装备配置标准', en: 'One urban-rural standard for building, teacher posts, funding benchmark and equipment' },
  G3: { zh: '每12个班级配备音乐、美术专用教室1间以上，面积分别不小于96、90平方米', en: 'Every 12 classes: at least one music room (≥ 96 m²) and one art room (≥ 90 m²)' },
  G4: { zh: '学校规模不超过2000人，九年一贯制、十二年一贯制义务教育阶段不超过2500人', en: 'School size within 2000 pupils (2500 for nine- and twelve-year schools)' },
  G5: { zh: '小学、初中所有班级学生数分别不超过45人、50人', en: 'Every class within 45 (primary) / 50 (junior)' },
  G6: { zh: '不足100名学生的村小学和教学点按100名学生核定公用经费', en: 'Village schools and teaching points under 100 pupils funded as 100' },
  G7: { zh: '特殊教育学校生均公用经费不低于6000元', en: 'Special-education schools funded at ≥ 6000 yuan per pupil' },
  G8: { zh: '教师平均工资收入水平不低于当地公务员平均工资收入水平', en: "Teachers' average pay ≥ civil servants' average pay" },
  G9: { zh: '教师5年360学时培训完成率达到100%', en: '360-hour five-year training completed by 100 % of teachers' },
  G10: { zh: '县级教育行政部门在核定的教职工编制总额内统筹分配各校教职工编制', en: 'The county allocates teacher posts among schools' },
  G11: { zh: '每年交流轮岗教师比例不低于符合交流条件教师总数的10%，其中骨干教师不低于交流轮岗教师总数的20%', en: 'Rotation ≥ 10 % of eligible teachers, backbone ≥ 20 % of those rotated' },
  G12: { zh: '专任教师持有教师资格证上岗率达到100%', en: 'Certified teachers 100 %' },
  G13: { zh: '城区和镇区公办小学、初中就近划片入学比例分别达到100%、95%以上', en: 'Nearby admission 100 % (primary) / ≥ 95 % (junior)' },
  G14: { zh: '优质高中招生名额分配比例不低于50%，并向农村初中倾斜', en: '≥ 50 % of quality senior-high places allocated to junior schools' },
  G15: { zh: '建立留守儿童关爱体系；符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%', en: 'Left-behind children care system; ≥ 85 % of eligible migrant children in public or government-purchased places' },
};

const VETO_TITLES: Record<VetoId, Bilingual> = {
  'admission-by-examination': { zh: '以考试方式招生', en: 'Admission by examination' },
  'key-schools-or-classes': { zh: '设重点校或重点班', en: 'Key schools or key classes' },
  'irregular-school-choice': { zh: '违规择校行为突出', en: 'Irregular school choice' },
  'vacant-posts-unfilled': { zh: '有编不补', en: 'Vacant teacher posts left unfilled (有编不补)' },
  'long-term-off-establishment': { zh: '长期聘用编外教师', en: 'Long-term hiring of off-establishment teachers' },
  'major-safety-incident': { zh: '发生重大安全责任事故', en: 'A major safety incident' },
  'falsified-data': { zh: '教育质量、数据弄虚作假', en: 'Falsified data' },
};

const bi = (zh: string, en: string): Bilingual => ({ zh, en });
const pct = (bp: number): string => `${bp / 100} %`;

/** Exact: part / whole ≥ bp / 10⁴ (whole > 0). */
const atLeastShare = (part: number, whole: number, bp: number): boolean => part * 10_000 >= bp * whole;

/** Runs another area's calculator, moving its issues under `prefix`. */
function call<T>(fn: () => T, prefix: Array<string | number>, issues: PolicyIssue[]): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PolicyInputError) {
      for (const i of error.issues) {
        if (i.path[0] === 'asOf' || i.path[0] === 'region' || i.path[0] === 'parameters' || i.path[0] === 'options') issues.push(i);
        else issues.push({ ...i, path: [...prefix, ...i.path] });
      }
      return undefined;
    }
    throw error;
  }
}

type Evidence = z.output<typeof guaranteeEvidenceSchema>;
type Vetoes = z.output<typeof vetoEvidenceSchema>;

const needs = (id: GuaranteeId, what: string, whatEn: string): GuaranteeItem => ({
  id, title: TITLES[id], status: 'needs-evidence', reason: bi(`缺少数据：${what}`, `No data: give ${whatEn}`),
});

/** The guarantee rule, on validated evidence. @internal */
export function guaranteeItems(e: Evidence, options: CalculatorOptions | undefined, ctxIssues: PolicyIssue[], used: UsedValue[], prefix: Array<string | number>): GuaranteeItem[] {
  const issues = ctxIssues;
  const ctx = readOptions(options, issues);
  const g = resolve(parameterTree.balance.guarantees, 'balance.guarantees', ctx, issues, used);
  const national = resolve(parameterTree.funding.floors.national, 'funding.floors.national', ctx, issues, used);
  if (issues.length > 0) return [];
  const items: GuaranteeItem[] = [];
  const judged = (id: GuaranteeId, ok: boolean, zh: string, en: string, decidedBy?: string): GuaranteeItem => ({
    id, title: TITLES[id], status: ok ? 'passes' : 'fails', reason: bi(zh, en), ...(decidedBy === undefined ? {} : { decidedBy }),
  });

  items.push({ id: 'G1', title: TITLES.G1, status: 'needs-evidence', reason: bi('布局是否合理须由督导评估人员实地核查，数据不能判定', 'Whether the layout is sound is an inspector\'s judgement; data cannot decide it') });
  items.push({ id: 'G2', title: TITLES.G2, status: 'needs-evidence', reason: bi('标准是否城乡统一须核查文件，数据不能判定', 'Whether one standard applies is read from the county\'s documents; data cannot decide it') });

  // G3
  if (e.specialRooms === undefined) items.push(needs('G3', '各校班级数和音乐、美术专用教室面积（specialRooms）', 'specialRooms (classes and room areas per school)'));
  else {
    const musicMin = g.musicRoomArea;
    const artMin = g.artRoomArea;
    const short: string[] = [];
    for (const s of e.specialRooms) {
      const required = Math.ceil(s.classes / g.classesPerArtRooms);
      // Area ≥ minimum, exactly: area × 10⁴ ≥ scaled minimum, the area read from its decimal text.
      const big = (areas: number[], min: number) => areas.filter((a) => scaledAtLeast(a, min)).length;
      const music = big(s.musicRoomAreas, musicMin);
      const art = big(s.artRoomAreas, artMin);
      if (music < required || art < required) short.push(`${s.schoolId} (${s.classes} classes: ${music}/${required} music, ${art}/${required} art)`);
    }
    items.push(judged('G3', short.length === 0,
      short.length === 0 ? `${e.specialRooms.length} 所学校每 ${g.classesPerArtRooms} 个班均有音乐、美术专用教室（≥ ${musicMin / 10_000}、${artMin / 10_000} 平方米）` : `专用教室不足：${short.join('；')}`,
      short.length === 0 ? `${e.specialRooms.length} schools have a music room (≥ ${musicMin / 10_000} m²) and an art room (≥ ${artMin / 10_000} m²) for every ${g.classesPerArtRooms} classes` : `Too few rooms: ${short.join('; ')}`));
  }

  // G4
  if (e.schoolSizes === undefined) items.push(needs('G4', '各校类型和学生数（schoolSizes）', 'schoolSizes (type and pupils per school)'));
  else {
    const over: string[] = [];
    e.schoolSizes.forEach((s, i) => {
      const r = call(() => schoolSizeStatus(s, options), [...prefix, 'schoolSizes', i], issues);
      if (r !== undefined && !r.withinLimit) over.push(`${s.id ?? `[${i}]`} (${s.pupils} > ${r.limit})`);
    });
    items.push(judged('G4', over.length === 0,
      over.length === 0 ? `${e.schoolSizes.length} 所学校规模均未超过上限` : `规模超限：${over.join('；')}`,
      over.length === 0 ? `${e.schoolSizes.length} schools within their size limit` : `Over the size limit: ${over.join('; ')}`, 'schoolSizeStatus'));
  }

  // G5
  if (e.classes === undefined) items.push(needs('G5', '各班学段和人数（classes）', 'classes (stage and size of every class)'));
  else {
    const r = call(() => classSizeReport(e.classes as NonNullable<Evidence['classes']>, options), [...prefix, 'classes'], issues);
    if (r !== undefined) {
      const over = r.total - r.byStatus.standard;
      items.push(judged('G5', over === 0,
        `${r.total} 个班中 ${over} 个超过标准班额`, `${over} of ${r.total} classes above the standard size`, 'classSizeReport'));
    }
  }

  // G6
  if (e.smallSchools === undefined) items.push(needs('G6', '村小学和教学点的学生数及核定公用经费人数（smallSchools）', 'smallSchools (pupils and funded pupils)'));
  else {
    const under = e.smallSchools.filter((s) => s.pupils < national.below && s.fundedPupils < Math.max(national.fundedAs, s.pupils));
    items.push(judged('G6', under.length === 0,
      under.length === 0 ? `不足 ${national.below} 人的村小学和教学点均按不少于 ${national.fundedAs} 人核定` : `未按 ${national.fundedAs} 人核定：${under.map((s) => `${s.schoolId}（${s.pupils} 人，按 ${s.fundedPupils} 人）`).join('；')}`,
      under.length === 0 ? `Every village school and teaching point under ${national.below} pupils is funded as at least ${national.fundedAs}` : `Not funded as ${national.fundedAs}: ${under.map((s) => `${s.schoolId} (${s.pupils} pupils, funded as ${s.fundedPupils})`).join('; ')}`,
      'funding.floors.national'));
  }

  // G7
  if (e.specialEducation === undefined) items.push(needs('G7', '特殊教育学校学生数和公用经费（specialEducation）', 'specialEducation (pupils and public funding)'));
  else {
    const low = e.specialEducation.filter((s) => (yuanToFen(s.publicFunding) as number) < g.specialEducationMinimum * s.pupils);
    items.push(judged('G7', low.length === 0,
      low.length === 0 ? `特殊教育学校生均公用经费均不低于 ${g.specialEducationMinimum / 100} 元` : `低于 ${g.specialEducationMinimum / 100} 元：${low.map((s) => s.schoolId).join('、')}`,
      low.length === 0 ? `Every special-education school is funded at ≥ ${g.specialEducationMinimum / 100} yuan per pupil` : `Below ${g.specialEducationMinimum / 100} yuan per pupil: ${low.map((s) => s.schoolId).join(', ')}`));
  }

  // G8
  if (e.pay === undefined) items.push(needs('G8', '教师和公务员平均工资（pay）', 'pay (teacher and civil-servant averages)'));
  else {
    const r = call(() => payParity(e.pay as NonNullable<Evidence['pay']>, options), [...prefix, 'pay'], issues);
    if (r !== undefined) items.push(judged('G8', r.compliant, `教师平均工资为公务员的 ${r.ratio.toString()} 倍，差额 ${r.shortfall.toString()} 元`, `Teacher pay is ${r.ratio.toString()} of civil-servant pay; shortfall ${r.shortfall.toString()} yuan`, 'payParity'));
  }

  // G9
  if (e.trainingRecords !== undefined) {
    const r = call(() => trainingReport(e.trainingRecords as NonNullable<Evidence['trainingRecords']>, options), [...prefix, 'trainingRecords'], issues);
    if (r !== undefined) items.push(judged('G9', r.fullCompletion, `${r.total} 名教师中 ${r.compliant} 名完成培训`, `${r.compliant} of ${r.total} teachers completed their training`, 'trainingReport'));
  } else if (e.training !== undefined) {
    const t = e.training;
    if (t.completed > t.teachers) issues.push({ path: [...prefix, 'training', 'completed'], code: 'inconsistent', message: `must not exceed teachers (${t.completed} > ${t.teachers})` });
    const ok = t.teachers > 0 && atLeastShare(t.completed, t.teachers, g.trainingCompletion);
    items.push(judged('G9', ok, `${t.teachers} 名教师中 ${t.completed} 名完成培训（要求 ${pct(g.trainingCompletion)}）`, `${t.completed} of ${t.teachers} teachers completed their training (required ${pct(g.trainingCompletion)})`));
  } else items.push(needs('G9', '教师培训记录（trainingRecords）或完成人数（training）', 'trainingRecords or training { teachers, completed }'));

  items.push({ id: 'G10', title: TITLES.G10, status: 'needs-evidence', reason: bi('编制是否由县级统筹分配须核查文件，数据不能判定', 'Whether the county allocates posts is read from its documents; data cannot decide it') });

  // G11
  if (e.rotation === undefined) items.push(needs('G11', '交流轮岗人数（rotation）', 'rotation { eligibleTeachers, rotatedTeachers, rotatedBackboneTeachers }'));
  else {
    const r = call(() => rotationCompliance(e.rotation as NonNullable<Evidence['rotation']>, options), [...prefix, 'rotation'], issues);
    if (r !== undefined) items.push(judged('G11', r.compliant, `交流比例 ${(r.rotationRate * 100).toFixed(1)}%，骨干教师占 ${(r.backboneShare * 100).toFixed(1)}%`, `Rotation ${(r.rotationRate * 100).toFixed(1)} %, backbone ${(r.backboneShare * 100).toFixed(1)} % of rotated`, 'rotationCompliance'));
  }

  // G12
  if (e.certification === undefined) items.push(needs('G12', '专任教师数和持证人数（certification）', 'certification { teachers, certified }'));
  else {
    const c = e.certification;
    if (c.certified > c.teachers) issues.push({ path: [...prefix, 'certification', 'certified'], code: 'inconsistent', message: `must not exceed teachers (${c.certified} > ${c.teachers})` });
    const ok = c.teachers > 0 && atLeastShare(c.certified, c.teachers, g.certifiedShare);
    items.push(judged('G12', ok, `${c.teachers} 名教师中 ${c.certified} 名持证（要求 ${pct(g.certifiedShare)}）`, `${c.certified} of ${c.teachers} teachers certified (required ${pct(g.certifiedShare)})`));
  }

  // G13
  const n = e.nearbyAdmission;
  if (n === undefined || (n.primary === undefined && n.junior === undefined)) items.push(needs('G13', '新生人数和就近入学人数（nearbyAdmission）', 'nearbyAdmission { primary?, junior? }'));
  else {
    const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
    let ok = true;
    for (const stage of ['primary', 'junior'] as const) {
      const s = n[stage];
      if (s === undefined) continue;
      if (s.nearby > s.admitted) issues.push({ path: [...prefix, 'nearbyAdmission', stage, 'nearby'], code: 'inconsistent', message: `must not exceed admitted (${s.nearby} > ${s.admitted})` });
      const bp = g.nearbyAdmission[stage];
      const met = s.admitted === 0 || atLeastShare(s.nearby, s.admitted, bp);
      if (!met) ok = false;
      parts.zh.push(`${stage === 'primary' ? '小学' : '初中'} ${s.nearby}/${s.admitted}（要求 ${pct(bp)}）`);
      parts.en.push(`${stage} ${s.nearby}/${s.admitted} (required ${pct(bp)})`);
    }
    const missing = n.primary === undefined ? 'primary' : n.junior === undefined ? 'junior' : undefined;
    items.push(ok && missing !== undefined
      ? { id: 'G13', title: TITLES.G13, status: 'needs-evidence', reason: bi(`${parts.zh.join('；')}；缺少${missing === 'primary' ? '小学' : '初中'}数据`, `${parts.en.join('; ')}; no ${missing} data`) }
      : judged('G13', ok, `就近入学：${parts.zh.join('；')}`, `Nearby admission: ${parts.en.join('; ')}`));
  }

  // G14
  if (e.quotaAllocation === undefined) items.push(needs('G14', '优质高中招生名额和分配到初中的名额（quotaAllocation）', 'quotaAllocation { qualityPlaces, allocatedPlaces }'));
  else {
    const q = e.quotaAllocation;
    if (q.allocatedPlaces > q.qualityPlaces) issues.push({ path: [...prefix, 'quotaAllocation', 'allocatedPlaces'], code: 'inconsistent', message: `must not exceed qualityPlaces (${q.allocatedPlaces} > ${q.qualityPlaces})` });
    const ok = q.qualityPlaces > 0 && atLeastShare(q.allocatedPlaces, q.qualityPlaces, g.quotaAllocationShare);
    items.push(judged('G14', ok, `分配名额 ${q.allocatedPlaces}/${q.qualityPlaces}（要求 ${pct(g.quotaAllocationShare)}）`, `Allocated ${q.allocatedPlaces} of ${q.qualityPlaces} places (required ${pct(g.quotaAllocationShare)})`));
  }

  // G15
  const m = e.migrantChildren;
  const care = e.leftBehindCareSystem;
  if (m !== undefined && m.inPublicOrPurchased > m.eligible) issues.push({ path: [...prefix, 'migrantChildren', 'inPublicOrPurchased'], code: 'inconsistent', message: `must not exceed eligible (${m.inPublicOrPurchased} > ${m.eligible})` });
  const shareOk = m === undefined ? undefined : m.eligible === 0 || atLeastShare(m.inPublicOrPurchased, m.eligible, g.migrantPublicShare);
  if (shareOk === false || care === false) {
    items.push(judged('G15', false,
      `${care === false ? '未建立留守儿童关爱体系；' : ''}${m === undefined ? '' : `随迁子女 ${m.inPublicOrPurchased}/${m.eligible}（要求 ${pct(g.migrantPublicShare)}）`}`,
      `${care === false ? 'No left-behind children care system; ' : ''}${m === undefined ? '' : `migrant children ${m.inPublicOrPurchased}/${m.eligible} (required ${pct(g.migrantPublicShare)})`}`));
  } else if (shareOk === undefined || care === undefined) {
    items.push(needs('G15', shareOk === undefined ? '随迁子女人数（migrantChildren）' : '是否建立留守儿童关爱体系（leftBehindCareSystem）', shareOk === undefined ? 'migrantChildren { eligible, inPublicOrPurchased }' : 'leftBehindCareSystem (true or false)'));
  } else {
    items.push(judged('G15', true, `已建立留守儿童关爱体系；随迁子女 ${m?.inPublicOrPurchased}/${m?.eligible}`, `Care system in place; migrant children ${m?.inPublicOrPurchased}/${m?.eligible} (required ${pct(g.migrantPublicShare)})`));
  }
  return items;
}

/** area ≥ scaled / 10⁴ exactly, the area read from its decimal text. */
function scaledAtLeast(area: number, scaled: number): boolean {
  const lhs = area * 10_000;
  if (lhs > scaled * (1 + 1e-9)) return true;
  if (lhs < scaled * (1 - 1e-9)) return false;
  const [whole = '0', frac = ''] = String(area).split('.');
  if (/e/i.test(String(area))) return lhs >= scaled;
  const digits = frac.length;
  return BigInt(whole + frac) * 10_000n >= BigInt(scaled) * 10n ** BigInt(digits);
}

/**
 * The government-guarantee dimension (政府保障程度) of the 优质均衡 county assessment
 * (教督〔2017〕6号, national-standards §5.2), behind opinion **1.1**, **6.3**: the 15 items, each
 * `'passes'`, `'fails'` or `'needs-evidence'`, with the reason.
 *
 * - G1, G2, G10 are an inspector's judgement: always `'needs-evidence'`, with the reason.
 * - An item whose data is absent is `'needs-evidence'` — never silently passed.
 * - Items other areas compute reuse their calculators: G4 {@link schoolSizeStatus}, G5
 *   {@link classSizeReport} (every class at most the standard size), G8 {@link payParity}, G9
 *   {@link trainingReport} (or the county's counts, against `balance.guarantees.trainingCompletion`),
 *   G11 {@link rotationCompliance}; G6 reads the national floor of the funding parameters
 *   (`funding.floors.national`: under 100 pupils funded as 100).
 * - G3: every school needs ⌈classes ÷ 12⌉ music rooms of at least 96 m² and as many art rooms of at
 *   least 90 m² (a school with 1–12 classes needs one of each); G7: public funding ≥ 6000 yuan ×
 *   pupils (unverified); G12: certified ÷ teachers ≥ 100 %; G13: nearby ÷ admitted ≥ 100 % (primary),
 *   95 % (junior), both stages needed to pass; G14: allocated ÷ quality places ≥ 50 %; G15: a care
 *   system and ≥ 85 % of eligible migrant children in public or purchased places. Shares are
 *   compared exactly (part × 10⁴ ≥ share in basis points × whole). A share over no one (0
 *   teachers, 0 places) fails G9, G12, G14 (nothing shows the guarantee) and passes G13, G15 (no
 *   pupil was refused).
 *
 * @category Balanced development
 * @param evidence - {@link GuaranteeEvidence}: every field optional.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns The 15 items, `compliant` (every item passes), `failed` (some item fails), citations, explanation.
 * @throws {@link PolicyInputError} naming every bad field (`['schoolSizes', 2, 'pupils']`).
 * @example
 * ```ts
 * const r = assessGovernmentGuarantees({ certification: { teachers: 200, certified: 200 }, quotaAllocation: { qualityPlaces: 1000, allocatedPlaces: 480 } }, { asOf: '2025-09-01' });
 * r.items.find((i) => i.id === 'G12')?.status; //=> 'passes'
 * r.items.find((i) => i.id === 'G14')?.status; //=> 'fails'
 * r.items.find((i) => i.id === 'G1')?.status; //=> 'needs-evidence'
 * ```
 */
export function assessGovernmentGuarantees(evidence: GuaranteeEvidence, options?: CalculatorOptions): GuaranteesResult {
  const issues: PolicyIssue[] = [];
  const e = parseInto(guaranteeEvidenceSchema, evidence, issues);
  readOptions(options, issues);
  throwIfAny(issues);
  const used: UsedValue[] = [];
  const items = guaranteeItems(e as Evidence, options, issues, used, []);
  throwIfAny(issues);
  return guaranteesResult(items, used);
}

/** @internal */
export function guaranteesResult(items: GuaranteeItem[], used: readonly UsedValue[]): GuaranteesResult {
  const compliant = items.every((i) => i.status === 'passes');
  const failed = items.some((i) => i.status === 'fails');
  return {
    compliant,
    failed,
    items,
    citations: ['1.1', '6.3', 'jiaodu-2017-6'],
    explanation: [
      ...parameterSteps(used, '6.3'),
      ...items.map((i): ExplanationStep => step('jiaodu-2017-6', `${i.id} ${i.title.zh}：${STATUS_ZH[i.status]}。${i.reason.zh}`, `${i.id} ${i.title.en}: ${i.status}. ${i.reason.en}`, { id: i.id, status: i.status })),
    ],
  };
}

const STATUS_ZH = { passes: '达到', fails: '未达到', 'needs-evidence': '需补充证据', triggered: '触发', clear: '未触发' } as const;

/**
 * {@link assessGovernmentGuarantees} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessGovernmentGuarantees = makeSafe(assessGovernmentGuarantees);

/** The veto rule, on validated evidence. @internal */
export function vetoItems(v: Vetoes, options: CalculatorOptions | undefined, issues: PolicyIssue[], prefix: Array<string | number>): VetoItem[] {
  const items: VetoItem[] = [];
  // Admission by examination, key classes: from the admissions plans (opinion 2.2).
  if (v.admissions === undefined) {
    for (const id of ['admission-by-examination', 'key-schools-or-classes'] as const) {
      items.push({ id, title: VETO_TITLES[id], status: 'needs-evidence', reason: bi('缺少各校招生方案（admissions）', 'No data: give admissions (the schools\' admissions plans)') });
    }
  } else {
    const exams: string[] = [];
    const keys: string[] = [];
    v.admissions.forEach((plan, i) => {
      const r = call(() => admissionsPlanCheck(plan, options), [...prefix, 'admissions', i], issues);
      if (r === undefined) return;
      const name = plan.schoolId ?? `[${i}]`;
      if (r.violations.some((x) => x.practice === 'selection-tests')) exams.push(name);
      if (r.violations.some((x) => x.practice === 'special-classes')) keys.push(name);
    });
    items.push({ id: 'admission-by-examination', title: VETO_TITLES['admission-by-examination'], status: exams.length > 0 ? 'triggered' : 'clear', decidedBy: 'admissionsPlanCheck',
      reason: exams.length > 0 ? bi(`以考试测试选拔学生：${exams.join('、')}`, `Selection tests: ${exams.join(', ')}`) : bi(`${v.admissions.length} 份招生方案均无考试选拔`, `No selection tests in ${v.admissions.length} plans`) });
    items.push({ id: 'key-schools-or-classes', title: VETO_TITLES['key-schools-or-classes'], status: keys.length > 0 ? 'triggered' : 'clear', decidedBy: 'admissionsPlanCheck',
      reason: keys.length > 0 ? bi(`分设重点班、实验班或快慢班：${keys.join('、')}`, `Key, experimental or fast-slow classes: ${keys.join(', ')}`) : bi(`${v.admissions.length} 份招生方案均未分设重点班`, `No key classes in ${v.admissions.length} plans`) });
  }
  // 有编不补, long-term off-establishment teachers: staffingCheck (opinion 4.3).
  if (v.staffing === undefined) {
    for (const id of ['vacant-posts-unfilled', 'long-term-off-establishment'] as const) {
      items.push({ id, title: VETO_TITLES[id], status: 'needs-evidence', reason: bi('缺少编制数据（staffing）', 'No data: give staffing { approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers }') });
    }
  } else {
    const r = call(() => staffingCheck(v.staffing as NonNullable<Vetoes['staffing']>, options), [...prefix, 'staffing'], issues);
    if (r !== undefined) {
      items.push({ id: 'vacant-posts-unfilled', title: VETO_TITLES['vacant-posts-unfilled'], status: r.vacantWithCandidates ? 'triggered' : 'clear', decidedBy: 'staffingCheck',
        reason: bi(`空编 ${r.vacantPosts} 个${r.vacantWithCandidates ? '，且有合格教师来源' : ''}`, `${r.vacantPosts} vacant posts${r.vacantWithCandidates ? ' while qualified candidates exist' : ''}`) });
      items.push({ id: 'long-term-off-establishment', title: VETO_TITLES['long-term-off-establishment'], status: r.longTermOffEstablishment ? 'triggered' : 'clear', decidedBy: 'staffingCheck',
        reason: bi(r.longTermOffEstablishment ? '长期聘用编外教师' : '无长期聘用编外教师', r.longTermOffEstablishment ? 'Off-establishment teachers hired long-term' : 'No long-term off-establishment teachers') });
    }
  }
  const finding = (id: VetoId, value: boolean | undefined, key: string) => {
    items.push(value === undefined
      ? { id, title: VETO_TITLES[id], status: 'needs-evidence', reason: bi(`须由督导评估人员认定（${key}）`, `An inspector's finding: give ${key} (true or false)`) }
      : { id, title: VETO_TITLES[id], status: value ? 'triggered' : 'clear', reason: bi('督导评估认定', "The inspector's finding") });
  };
  finding('irregular-school-choice', v.irregularSchoolChoice, 'irregularSchoolChoice');
  finding('major-safety-incident', v.majorSafetyIncident, 'majorSafetyIncident');
  finding('falsified-data', v.falsifiedData, 'falsifiedData');
  return items;
}

/** @internal */
export function vetoesResult(items: VetoItem[]): VetoesResult {
  return {
    triggered: items.some((i) => i.status === 'triggered'),
    items,
    citations: ['1.1', '6.3', '2.2', '4.3', 'jiaodu-2017-6'],
    explanation: items.map((i) => step('jiaodu-2017-6', `一票否决：${i.title.zh}：${STATUS_ZH[i.status]}。${i.reason.zh}`, `Veto: ${i.title.en}: ${i.status}. ${i.reason.en}`, { id: i.id, status: i.status })),
  };
}

/**
 * The one-vote vetoes (一票否决) of the 优质均衡 assessment that data can decide (教督〔2017〕6号):
 * admission by examination and key classes from the schools' admissions plans
 * ({@link admissionsPlanCheck}, opinion 2.2), 有编不补 and long-term off-establishment teachers
 * from the county's posts ({@link staffingCheck}, opinion 4.3). Irregular school choice, a major
 * safety incident and falsified data are an inspector's findings (`true` / `false`); absent,
 * every veto is `'needs-evidence'`.
 *
 * @category Balanced development
 * @param evidence - {@link VetoEvidence}: every field optional.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns Each veto `'triggered'`, `'clear'` or `'needs-evidence'`, and whether any is triggered.
 * @throws {@link PolicyInputError} naming every bad field.
 * @example
 * ```ts
 * const r = assessVetoes({ staffing: { approvedPosts: 500, filledPosts: 480, qualifiedCandidates: 30, longTermContractTeachers: 0 } }, { asOf: '2025-09-01' });
 * r.items.find((i) => i.id === 'vacant-posts-unfilled')?.status; //=> 'triggered'
 * r.triggered; //=> true
 * ```
 */
export function assessVetoes(evidence: VetoEvidence, options?: CalculatorOptions): VetoesResult {
  const issues: PolicyIssue[] = [];
  const v = parseInto(vetoEvidenceSchema, evidence, issues);
  readOptions(options, issues);
  throwIfAny(issues);
  const items = vetoItems(v as Vetoes, options, issues, []);
  throwIfAny(issues);
  return vetoesResult(items);
}

/**
 * {@link assessVetoes} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessVetoes = makeSafe(assessVetoes);
