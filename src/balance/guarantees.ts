/**
 * The 15 government-guarantee items (政府保障程度) of the 优质均衡 county assessment
 * (教督〔2017〕6号, national-standards §5.2), as a table: each item's id, its title, what it needs
 * (said when its evidence is absent, or why data cannot decide it) and how it is judged from
 * validated evidence. Items other areas compute call their pure rules. Not re-exported by the barrel.
 *
 * @module
 */
import { schoolSizeStatusRule } from '../classes/index.js';
import { step, type ExplanationStep } from '../core/explain.js';
import { yuanToFen } from '../core/money.js';
import { selectedLeaves, type RuleContext, type UsedValue } from '../core/resolve.js';
import { ceilDiv, shareAtLeast } from '../core/util.js';
import { fundingParameters } from '../funding/parameters.js';
import { nationalFloorOf } from '../funding/floors.js';
import { parameterSteps } from '../parameters/steps.js';
import { payParityRule, rotationComplianceRule, trainingReportRule } from '../teachers/index.js';
import { trainingTerms } from '../teachers/trainingCycle.js';
import type { GuaranteeId, GuaranteeItem, GuaranteeParameters, GuaranteesResult } from './assessGovernmentGuarantees.js';
import type { GuaranteeEvidenceRecord } from './evidence.js';
import { bi, inspectorFinding, judged, judgeTable, noData, pct, type ItemRule } from './itemTable.js';
import { balanceParameters } from './parameters.js';

/** A decided item, or one that still needs evidence, with the reason. @internal */
export type Judgement = Pick<GuaranteeItem, 'status' | 'reason' | 'decidedBy'>;

/**
 * One government-guarantee item: `needs` is the reason given when `judge` finds nothing to decide on
 * (it returns `undefined`); an inspector's item is never judged from data.
 *
 * @internal
 */
export type GuaranteeRule = ItemRule<GuaranteeId, Judgement, [e: GuaranteeEvidenceRecord, p: GuaranteeParameters, call: RuleContext]>;

/** An item only an inspector can decide: data never does; the inspector's finding (`key`) does. */
const inspectorOnly = (key: 'soundLayout' | 'oneUrbanRuralStandard' | 'countyAllocatesPosts') => (e: GuaranteeEvidenceRecord): Judgement | undefined =>
  inspectorFinding(e[key], key);

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
 * The items, in order. Shares are compared exactly (part × 10⁴ ≥ share in basis points × whole).
 *
 * @internal
 */
export const GUARANTEES: readonly GuaranteeRule[] = [
  {
    id: 'G1',
    title: bi('义务教育学校布局合理', 'Sound school layout'),
    needs: bi('布局是否合理须由督导评估人员实地核查，数据不能判定（soundLayout）', 'Whether the layout is sound is an inspector\'s judgement; data cannot decide it (give soundLayout: true or false)'),
    judge: inspectorOnly('soundLayout'),
  },
  {
    id: 'G2',
    title: bi('城乡统一的学校建设、教师编制、生均公用经费基准定额、基本装备配置标准', 'One urban-rural standard for building, teacher posts, funding benchmark and equipment'),
    needs: bi('标准是否城乡统一须核查文件，数据不能判定（oneUrbanRuralStandard）', 'Whether one standard applies is read from the county\'s documents; data cannot decide it (give oneUrbanRuralStandard: true or false)'),
    judge: inspectorOnly('oneUrbanRuralStandard'),
  },
  {
    id: 'G3',
    title: bi('每12个班级配备音乐、美术专用教室1间以上，面积分别不小于96、90平方米', 'Every 12 classes: at least one music room (≥ 96 m²) and one art room (≥ 90 m²)'),
    needs: noData('各校班级数和音乐、美术专用教室面积（specialRooms）', 'specialRooms (classes and room areas per school)'),
    judge(e, p) {
      if (e.specialRooms === undefined) return undefined;
      const g = p.guarantees;
      const per = g.classesPerArtRooms;
      const musicMin = g.musicRoomArea;
      const artMin = g.artRoomArea;
      const short: string[] = [];
      // Area ≥ minimum, exactly: area × 10⁴ ≥ scaled minimum, the area read from its decimal text.
      const big = (areas: readonly number[], min: number) => areas.filter((a) => scaledAtLeast(a, min)).length;
      for (const s of e.specialRooms) {
        const required = ceilDiv(s.classes, per);
        const music = big(s.musicRoomAreas, musicMin);
        const art = big(s.artRoomAreas, artMin);
        if (music < required || art < required) short.push(`${s.schoolId} (${s.classes} classes: ${music}/${required} music, ${art}/${required} art)`);
      }
      const n = e.specialRooms.length;
      // junheng's reading of 每12个班级…1间以上: ⌈classes ÷ 12⌉ rooms of each kind (the text does not say how a part of 12 counts).
      const reading = { zh: `（junheng 的解读：每校需 ⌈班级数 ÷ ${per}⌉ 间）`, en: ` (junheng's reading: ⌈classes ÷ ${per}⌉ rooms of each kind per school)` };
      return judged(short.length === 0,
        (short.length === 0 ? `${n} 所学校每 ${per} 个班均有音乐、美术专用教室（≥ ${musicMin / 10_000}、${artMin / 10_000} 平方米）` : `专用教室不足：${short.join('；')}`) + reading.zh,
        (short.length === 0 ? `${n} schools have a music room (≥ ${musicMin / 10_000} m²) and an art room (≥ ${artMin / 10_000} m²) for every ${per} classes` : `Too few rooms: ${short.join('; ')}`) + reading.en);
    },
  },
  {
    id: 'G4',
    title: bi('学校规模不超过2000人，九年一贯制、十二年一贯制义务教育阶段不超过2500人', 'School size within 2000 pupils (2500 for nine- and twelve-year schools)'),
    needs: noData('各校类型和学生数（schoolSizes）', 'schoolSizes (type and pupils per school)'),
    judge(e, p) {
      if (e.schoolSizes === undefined) return undefined;
      const over: string[] = [];
      e.schoolSizes.forEach((s, i) => {
        const r = schoolSizeStatusRule(s, p.schoolSize);
        if (!r.withinLimit) over.push(`${s.id ?? `[${i}]`} (${s.pupils} > ${r.limit})`);
      });
      const n = e.schoolSizes.length;
      return judged(over.length === 0,
        over.length === 0 ? `${n} 所学校规模均未超过上限` : `规模超限：${over.join('；')}`,
        over.length === 0 ? `${n} schools within their size limit` : `Over the size limit: ${over.join('; ')}`, 'schoolSizeStatus');
    },
  },
  {
    id: 'G5',
    title: bi('小学、初中所有班级学生数分别不超过45人、50人', 'Every class within 45 (primary) / 50 (junior)'),
    needs: noData('各班学段和人数（classes）', 'classes (stage and size of every class)'),
    judge(e, p) {
      if (e.classes === undefined) return undefined;
      // One limit per stage for every class, whatever the school: not the GB 50099 standard size
      // (30 for an incomplete primary school), which classSizeStatus bands.
      const limit = p.guarantees.classLimit;
      const over = { primary: 0, junior: 0 };
      for (const c of e.classes) if (c.size > limit[c.stage]) over[c.stage]++;
      const total = e.classes.length;
      const n = over.primary + over.junior;
      return judged(n === 0,
        n === 0
          ? `${total} 个班均不超过小学 ${limit.primary} 人、初中 ${limit.junior} 人`
          : `${total} 个班中 ${n} 个超过上限（小学超过 ${limit.primary} 人 ${over.primary} 个，初中超过 ${limit.junior} 人 ${over.junior} 个）`,
        n === 0
          ? `All ${total} classes within ${limit.primary} (primary) / ${limit.junior} (junior) pupils`
          : `${n} of ${total} classes above the limit (${over.primary} primary above ${limit.primary}, ${over.junior} junior above ${limit.junior})`);
    },
  },
  {
    id: 'G6',
    title: bi('不足100名学生的村小学和教学点按100名学生核定公用经费', 'Village schools and teaching points under 100 pupils funded as 100'),
    needs: noData('村小学和教学点的学生数及核定公用经费人数（smallSchools）', 'smallSchools (pupils and funded pupils)'),
    judge(e, p) {
      if (e.smallSchools === undefined) return undefined;
      const { below, fundedAs } = nationalFloorOf(p.floors);
      const under = e.smallSchools.filter((s) => s.pupils < below && s.fundedPupils < Math.max(fundedAs, s.pupils));
      return judged(under.length === 0,
        under.length === 0 ? `不足 ${below} 人的村小学和教学点均按不少于 ${fundedAs} 人核定` : `未按 ${fundedAs} 人核定：${under.map((s) => `${s.schoolId}（${s.pupils} 人，按 ${s.fundedPupils} 人）`).join('；')}`,
        under.length === 0 ? `Every village school and teaching point under ${below} pupils is funded as at least ${fundedAs}` : `Not funded as ${fundedAs}: ${under.map((s) => `${s.schoolId} (${s.pupils} pupils, funded as ${s.fundedPupils})`).join('; ')}`,
        'funding.floors');
    },
  },
  {
    id: 'G7',
    title: bi('特殊教育学校生均公用经费不低于6000元', 'Special-education schools funded at ≥ 6000 yuan per pupil'),
    needs: noData('特殊教育学校学生数和公用经费（specialEducation）', 'specialEducation (pupils and public funding)'),
    judge(e, p) {
      if (e.specialEducation === undefined) return undefined;
      const min = p.guarantees.specialEducationMinimum;
      const low = e.specialEducation.filter((s) => (yuanToFen(s.publicFunding) as number) < min * s.pupils);
      return judged(low.length === 0,
        low.length === 0 ? `特殊教育学校生均公用经费均不低于 ${min / 100} 元` : `低于 ${min / 100} 元：${low.map((s) => s.schoolId).join('、')}`,
        low.length === 0 ? `Every special-education school is funded at ≥ ${min / 100} yuan per pupil` : `Below ${min / 100} yuan per pupil: ${low.map((s) => s.schoolId).join(', ')}`);
    },
  },
  {
    id: 'G8',
    title: bi('教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量', "Teachers' average pay ≥ civil servants' average pay, and the teachers' performance-pay pool fixed in full"),
    needs: noData('教师和公务员平均工资（pay）及是否足额核定教师绩效工资总量（performancePayPoolInFull）', 'pay (teacher and civil-servant averages) and performancePayPoolInFull (true or false)'),
    judge(e) {
      const pool = e.performancePayPoolInFull;
      const r = e.pay === undefined ? undefined : payParityRule(e.pay);
      const pay = r === undefined ? undefined : {
        zh: `教师平均工资为公务员的 ${r.ratio.toString()} 倍，差额 ${r.shortfall.toString()} 元`,
        en: `Teacher pay is ${r.ratio.toString()} of civil-servant pay; shortfall ${r.shortfall.toString()} yuan`,
      };
      const poolText = pool === undefined ? undefined : pool
        ? { zh: '已足额核定教师绩效工资总量', en: 'performance-pay pool fixed in full' }
        : { zh: '未足额核定教师绩效工资总量', en: 'performance-pay pool not fixed in full' };
      const parts = (lang: 'zh' | 'en') => [pay?.[lang], poolText?.[lang]].filter((x) => x !== undefined).join(lang === 'zh' ? '；' : '; ');
      // Either half short fails; both halves met pass; otherwise the missing half is needed.
      if (r?.compliant === false || pool === false) return judged(false, parts('zh'), parts('en'), r === undefined ? undefined : 'payParity');
      if (r === undefined) return undefined;
      if (pool === undefined) {
        return { status: 'needs-evidence', reason: bi(`${parts('zh')}；缺少数据：是否足额核定教师绩效工资总量（performancePayPoolInFull）`, `${parts('en')}; no data: give performancePayPoolInFull (true or false)`), decidedBy: 'payParity' };
      }
      return judged(true, parts('zh'), parts('en'), 'payParity');
    },
  },
  {
    id: 'G9',
    title: bi('教师5年360学时培训完成率达到100%', '360-hour five-year training completed by 100 % of teachers'),
    needs: noData('教师培训记录（trainingRecords）或完成人数（training）', 'trainingRecords or training { teachers, completed }'),
    judge(e, p, call) {
      if (e.trainingRecords !== undefined) {
        const records = e.trainingRecords;
        const total = records.length;
        const span = (c: { start: string; end: string }) => `${c.start}–${c.end}`;
        // 100 %: every teacher, and at least one (nothing shows an empty list complete). The cycle
        // containing asOf decides only when every teacher has already met it; otherwise the last
        // completed cycle does (a running cycle is not judged before its end).
        const now = trainingTerms(p.training, call.asOf, 'containing').cycle;
        const current = trainingReportRule(records, p.training, { asOf: call.asOf, options: { cycle: 'containing' } });
        if (total > 0 && current.met === total) {
          return judged(true, `${total} 名教师均已完成当前培训周期（${span(now)}）的学时`, `All ${total} teachers have already completed the hours of the current cycle (${span(now)})`, 'trainingReport');
        }
        const done = trainingTerms(p.training, call.asOf, 'last-completed').cycle;
        const last = trainingReportRule(records, p.training, { asOf: call.asOf, options: { cycle: 'last-completed' } });
        return judged(total > 0 && last.met === total,
          `最近一个已结束的培训周期（${span(done)}）：${total} 名教师中 ${last.met} 名完成培训（当前周期 ${span(now)} 已完成 ${current.met} 名）`,
          `Last completed cycle (${span(done)}): ${last.met} of ${total} teachers completed their training (current cycle ${span(now)}: ${current.met} have completed it)`,
          'trainingReport');
      }
      const t = e.training;
      if (t === undefined) return undefined;
      const share = p.guarantees.trainingCompletion;
      return judged(t.teachers > 0 && shareAtLeast(t.completed, t.teachers, share),
        `${t.teachers} 名教师中 ${t.completed} 名完成培训（要求 ${pct(share)}）`, `${t.completed} of ${t.teachers} teachers completed their training (required ${pct(share)})`);
    },
  },
  {
    id: 'G10',
    title: bi('县级教育行政部门在核定的教职工编制总额内统筹分配各校教职工编制', 'The county allocates teacher posts among schools'),
    needs: bi('编制是否由县级统筹分配须核查文件，数据不能判定（countyAllocatesPosts）', 'Whether the county allocates posts is read from its documents; data cannot decide it (give countyAllocatesPosts: true or false)'),
    judge: inspectorOnly('countyAllocatesPosts'),
  },
  {
    id: 'G11',
    title: bi('每年交流轮岗教师比例不低于符合交流条件教师总数的10%，其中骨干教师不低于交流轮岗教师总数的20%', 'Rotation ≥ 10 % of eligible teachers, backbone ≥ 20 % of those rotated'),
    needs: noData('交流轮岗人数（rotation）', 'rotation { eligibleTeachers, rotatedTeachers, rotatedBackboneTeachers }'),
    judge(e, p) {
      const f = e.rotation;
      if (f === undefined) return undefined;
      const r = rotationComplianceRule(f, p.rotation);
      // The shares as rotationCompliance reports them (0 over no one), for reading.
      const rate = ((f.eligibleTeachers === 0 ? 0 : f.rotatedTeachers / f.eligibleTeachers) * 100).toFixed(1);
      const backbone = ((f.rotatedTeachers === 0 ? 0 : f.rotatedBackboneTeachers / f.rotatedTeachers) * 100).toFixed(1);
      return judged(r.compliant, `交流比例 ${rate}%，骨干教师占 ${backbone}%`, `Rotation ${rate} %, backbone ${backbone} % of rotated`, 'rotationCompliance');
    },
  },
  {
    id: 'G12',
    title: bi('专任教师持有教师资格证上岗率达到100%', 'Certified teachers 100 %'),
    needs: noData('专任教师数和持证人数（certification）', 'certification { teachers, certified }'),
    judge(e, p) {
      const c = e.certification;
      if (c === undefined) return undefined;
      const share = p.guarantees.certifiedShare;
      return judged(c.teachers > 0 && shareAtLeast(c.certified, c.teachers, share),
        `${c.teachers} 名教师中 ${c.certified} 名持证（要求 ${pct(share)}）`, `${c.certified} of ${c.teachers} teachers certified (required ${pct(share)})`);
    },
  },
  {
    id: 'G13',
    title: bi('城区和镇区公办小学、初中就近划片入学比例分别达到100%、95%以上', 'Nearby admission 100 % (primary) / ≥ 95 % (junior)'),
    needs: noData('新生人数和就近入学人数（nearbyAdmission）', 'nearbyAdmission { primary?, junior? }'),
    judge(e, p) {
      const n = e.nearbyAdmission;
      if (n === undefined || (n.primary === undefined && n.junior === undefined)) return undefined;
      const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
      let ok = true;
      for (const stage of ['primary', 'junior'] as const) {
        const s = n[stage];
        if (s === undefined) continue;
        const bp = p.guarantees.nearbyAdmission[stage];
        // No pupil admitted: no pupil was refused a nearby place.
        if (s.admitted !== 0 && !shareAtLeast(s.nearby, s.admitted, bp)) ok = false;
        parts.zh.push(`${stage === 'primary' ? '小学' : '初中'} ${s.nearby}/${s.admitted}（要求 ${pct(bp)}）`);
        parts.en.push(`${stage} ${s.nearby}/${s.admitted} (required ${pct(bp)})`);
      }
      const missing = n.primary === undefined ? 'primary' : n.junior === undefined ? 'junior' : undefined;
      // Both stages are needed to pass.
      if (ok && missing !== undefined) {
        return { status: 'needs-evidence', reason: bi(`${parts.zh.join('；')}；缺少${missing === 'primary' ? '小学' : '初中'}数据`, `${parts.en.join('; ')}; no ${missing} data`) };
      }
      return judged(ok, `就近入学：${parts.zh.join('；')}`, `Nearby admission: ${parts.en.join('; ')}`);
    },
  },
  {
    id: 'G14',
    title: bi('优质高中招生名额分配比例不低于50%，并向农村初中倾斜', '≥ 50 % of quality senior-high places allocated to junior schools'),
    needs: noData('优质高中招生名额和分配到初中的名额（quotaAllocation）', 'quotaAllocation { qualityPlaces, allocatedPlaces }'),
    judge(e, p) {
      const q = e.quotaAllocation;
      if (q === undefined) return undefined;
      const share = p.guarantees.quotaAllocationShare;
      return judged(q.qualityPlaces > 0 && shareAtLeast(q.allocatedPlaces, q.qualityPlaces, share),
        `分配名额 ${q.allocatedPlaces}/${q.qualityPlaces}（要求 ${pct(share)}）`, `Allocated ${q.allocatedPlaces} of ${q.qualityPlaces} places (required ${pct(share)})`);
    },
  },
  {
    id: 'G15',
    title: bi('建立留守儿童关爱体系；符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%', 'Left-behind children care system; ≥ 85 % of eligible migrant children in public or government-purchased places'),
    needs: noData('随迁子女人数（migrantChildren）', 'migrantChildren { eligible, inPublicOrPurchased }'),
    judge(e, p) {
      const m = e.migrantChildren;
      const care = e.leftBehindCareSystem;
      const share = p.guarantees.migrantPublicShare;
      // No eligible child: none was refused a place.
      const shareOk = m === undefined ? undefined : m.eligible === 0 || shareAtLeast(m.inPublicOrPurchased, m.eligible, share);
      if (shareOk === false || care === false) {
        return judged(false,
          `${care === false ? '未建立留守儿童关爱体系；' : ''}${m === undefined ? '' : `随迁子女 ${m.inPublicOrPurchased}/${m.eligible}（要求 ${pct(share)}）`}`,
          `${care === false ? 'No left-behind children care system; ' : ''}${m === undefined ? '' : `migrant children ${m.inPublicOrPurchased}/${m.eligible} (required ${pct(share)})`}`);
      }
      if (m === undefined) return undefined;
      if (care === undefined) return { status: 'needs-evidence', reason: noData('是否建立留守儿童关爱体系（leftBehindCareSystem）', 'leftBehindCareSystem (true or false)') };
      return judged(true, `已建立留守儿童关爱体系；随迁子女 ${m.inPublicOrPurchased}/${m.eligible}`, `Care system in place; migrant children ${m.inPublicOrPurchased}/${m.eligible} (required ${pct(share)})`);
    },
  },
];

/**
 * Every item judged from validated evidence, in order: its judgement, or `'needs-evidence'` with
 * what it needs.
 *
 * @internal
 */
export function judgeGuarantees(e: GuaranteeEvidenceRecord, p: GuaranteeParameters, call: RuleContext): GuaranteeItem[] {
  return judgeTable(GUARANTEES, e, p, call);
}

/** The paths of the guarantees' own figures: `balance.guarantees` and the national funding floor. */
let own: ReadonlySet<string> | undefined;

/**
 * The values read of the guarantees' own figures, which their explanation quotes (the other areas'
 * figures are theirs to explain).
 *
 * @internal
 */
export function guaranteeUsed(used: readonly UsedValue[]): UsedValue[] {
  own ??= new Set(selectedLeaves({ guarantees: balanceParameters.guarantees, floors: fundingParameters.floors }).map((leaf) => leaf.path));
  const paths = own;
  return used.filter((u) => paths.has(u.path));
}

/** Chinese names of the statuses, for explanations. @internal */
export const STATUS_ZH = { passes: '达到', fails: '未达到', 'needs-evidence': '需补充证据', triggered: '触发', clear: '未触发' } as const;

/** The result of the guarantee items: the flags, citations and one explanation step per item. @internal */
export function guaranteesResult(items: GuaranteeItem[], used: readonly UsedValue[]): GuaranteesResult {
  return {
    compliant: items.every((i) => i.status === 'passes'),
    failed: items.some((i) => i.status === 'fails'),
    items,
    citations: ['1.1', '6.3', 'jiaodu-2017-6'],
    explanation: [
      ...parameterSteps(used, '6.3'),
      ...items.map((i): ExplanationStep => step('jiaodu-2017-6', `${i.id} ${i.title.zh}：${STATUS_ZH[i.status]}。${i.reason.zh}`, `${i.id} ${i.title.en}: ${i.status}. ${i.reason.en}`, { id: i.id, status: i.status })),
    ],
  };
}
