/**
 * The one-vote vetoes (一票否决) of the 优质均衡 county assessment (教督〔2017〕6号), as a table: each
 * veto's id, its title, what it needs (said when its evidence is absent) and how it is judged from
 * validated evidence — the admissions plans by {@link admissionsPlanCheckRule}, the posts by
 * {@link staffingCheckRule}, the rest an inspector's findings. Not re-exported by the barrel.
 *
 * @module
 */
import { admissionsPlanCheckRule, type ForbiddenPractice } from '../admissions/index.js';
import { step } from '../core/explain.js';
import type { Bilingual } from '../core/types.js';
import { staffingCheckRule } from '../teachers/index.js';
import type { VetoId, VetoItem, VetoesResult } from './assessVetoes.js';
import type { VetoEvidenceRecord } from './evidence.js';
import { STATUS_ZH } from './guarantees.js';
import { bi, findingNeeds, judgeTable, type ItemRule } from './itemTable.js';

/** A decided veto, with the reason. @internal */
export type VetoJudgement = Pick<VetoItem, 'status' | 'reason' | 'decidedBy'>;

/**
 * One veto: `needs` is the reason given when `judge` finds nothing to decide on (it returns
 * `undefined`).
 *
 * @internal
 */
export type VetoRule = ItemRule<VetoId, VetoJudgement, [v: VetoEvidenceRecord]>;

/** The schools (or `[i]`) whose admissions plan shows `practice`. */
function plansWith(v: VetoEvidenceRecord, practice: ForbiddenPractice): string[] | undefined {
  if (v.admissions === undefined) return undefined;
  const names: string[] = [];
  v.admissions.forEach((plan, i) => {
    if (admissionsPlanCheckRule(plan).violations.some((x) => x.practice === practice)) names.push(plan.schoolId ?? `[${i}]`);
  });
  return names;
}

const NO_PLANS = bi('缺少各校招生方案（admissions）', 'No data: give admissions (the schools\' admissions plans)');
const NO_POSTS = bi('缺少编制数据（staffing）', 'No data: give staffing { approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers }');

/** A veto an inspector finds, given as `key: true | false`. */
function finding(id: VetoId, title: Bilingual, key: 'irregularSchoolChoice' | 'majorSafetyIncident' | 'falsifiedData'): VetoRule {
  return {
    id,
    title,
    needs: findingNeeds(key),
    judge: (v) => (v[key] === undefined ? undefined : { status: v[key] ? 'triggered' : 'clear', reason: bi('督导评估认定', "The inspector's finding") }),
  };
}

/**
 * The vetoes, in order.
 *
 * @internal
 */
export const VETOES: readonly VetoRule[] = [
  {
    // Admission by examination: from the admissions plans (opinion 2.2).
    id: 'admission-by-examination',
    title: bi('以考试方式招生', 'Admission by examination'),
    needs: NO_PLANS,
    judge(v) {
      const exams = plansWith(v, 'selection-tests');
      if (exams === undefined) return undefined;
      const n = v.admissions?.length ?? 0;
      return {
        status: exams.length > 0 ? 'triggered' : 'clear',
        decidedBy: 'admissionsPlanCheck',
        reason: exams.length > 0 ? bi(`以考试测试选拔学生：${exams.join('、')}`, `Selection tests: ${exams.join(', ')}`) : bi(`${n} 份招生方案均无考试选拔`, `No selection tests in ${n} plans`),
      };
    },
  },
  {
    id: 'key-schools-or-classes',
    title: bi('设重点校或重点班', 'Key schools or key classes'),
    needs: NO_PLANS,
    judge(v) {
      const keys = plansWith(v, 'special-classes');
      if (keys === undefined) return undefined;
      const n = v.admissions?.length ?? 0;
      return {
        status: keys.length > 0 ? 'triggered' : 'clear',
        decidedBy: 'admissionsPlanCheck',
        reason: keys.length > 0 ? bi(`分设重点班、实验班或快慢班：${keys.join('、')}`, `Key, experimental or fast-slow classes: ${keys.join(', ')}`) : bi(`${n} 份招生方案均未分设重点班`, `No key classes in ${n} plans`),
      };
    },
  },
  {
    // 有编不补, long-term off-establishment teachers: from the county's posts (opinion 4.3).
    id: 'vacant-posts-unfilled',
    title: bi('有编不补', 'Vacant teacher posts left unfilled (有编不补)'),
    needs: NO_POSTS,
    judge(v) {
      if (v.staffing === undefined) return undefined;
      const r = staffingCheckRule(v.staffing);
      return {
        status: r.vacantWithCandidates ? 'triggered' : 'clear',
        decidedBy: 'staffingCheck',
        reason: bi(`空编 ${r.vacantPosts} 个${r.vacantWithCandidates ? '，且有合格教师来源' : ''}`, `${r.vacantPosts} vacant posts${r.vacantWithCandidates ? ' while qualified candidates exist' : ''}`),
      };
    },
  },
  {
    id: 'long-term-off-establishment',
    title: bi('长期聘用编外教师', 'Long-term hiring of off-establishment teachers'),
    needs: NO_POSTS,
    judge(v) {
      if (v.staffing === undefined) return undefined;
      const r = staffingCheckRule(v.staffing);
      return {
        status: r.longTermOffEstablishment ? 'triggered' : 'clear',
        decidedBy: 'staffingCheck',
        reason: bi(r.longTermOffEstablishment ? '长期聘用编外教师' : '无长期聘用编外教师', r.longTermOffEstablishment ? 'Off-establishment teachers hired long-term' : 'No long-term off-establishment teachers'),
      };
    },
  },
  finding('irregular-school-choice', bi('违规择校行为突出', 'Irregular school choice'), 'irregularSchoolChoice'),
  finding('major-safety-incident', bi('发生重大安全责任事故', 'A major safety incident'), 'majorSafetyIncident'),
  finding('falsified-data', bi('教育质量、数据弄虚作假', 'Falsified data'), 'falsifiedData'),
];

/**
 * Every veto judged from validated evidence, in order: its judgement, or `'needs-evidence'` with
 * what it needs.
 *
 * @internal
 */
export function judgeVetoes(v: VetoEvidenceRecord): VetoItem[] {
  return judgeTable(VETOES, v);
}

/** The result of the vetoes: whether any is triggered, citations and one explanation step per veto. @internal */
export function vetoesResult(items: VetoItem[]): VetoesResult {
  return {
    triggered: items.some((i) => i.status === 'triggered'),
    items,
    citations: ['1.1', '6.3', '2.2', '4.3', 'jiaodu-2017-6'],
    explanation: items.map((i) => step('jiaodu-2017-6', `一票否决：${i.title.zh}：${STATUS_ZH[i.status]}。${i.reason.zh}`, `Veto: ${i.title.en}: ${i.status}. ${i.reason.en}`, { id: i.id, status: i.status })),
  };
}
