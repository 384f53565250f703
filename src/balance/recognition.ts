/**
 * Public recognition (社会认可度) of the 优质均衡 county assessment (教督〔2017〕6号): the satisfied
 * share of the survey, against 85 %, compared exactly.
 *
 * @module
 */
import type { Resolved } from '../core/resolve.js';
import type { Bilingual } from '../core/types.js';
import type { ParameterTree } from '../parameters/tree.js';
import type { RecognitionEvidenceRecord } from './evidence.js';

/** The public-recognition dimension of {@link assessCounty}. @category Balanced development */
export interface RecognitionResult {
  readonly status: 'passes' | 'fails' | 'needs-evidence';
  /** The satisfied share (0–1) as combined (`balance.recognition.combine`), for reading; the status is decided exactly. */
  readonly share?: number;
  readonly reason: Bilingual;
}

/** What recognition reads. @internal */
export const recognitionReads = (p: ParameterTree) => p.balance.recognition;

/** The recognition figures resolved for a day (the share in basis points). @category Balanced development */
export type RecognitionParameters = Resolved<ReturnType<typeof recognitionReads>>;

/**
 * Public recognition from survey counts by respondent group. `'pooled'` (the default): Σ satisfied ÷
 * Σ respondents; `'averaged'`: the plain mean of each group's share (groups with no respondent
 * left out). Met at the share exactly (85.00 % meets, 84.99 % fails), compared in integers (BigInt
 * for the mean). No survey, or no respondent at all, needs evidence.
 *
 * @internal
 */
export function assessRecognitionRule(evidence: RecognitionEvidenceRecord | undefined, params: RecognitionParameters): RecognitionResult {
  const bp = params.share;
  const combine = params.combine;
  const groups = (evidence?.groups ?? []).filter((g) => g.respondents > 0);
  const needed = `${bp / 100} %`;
  if (groups.length === 0) {
    return { status: 'needs-evidence', reason: { zh: '缺少数据：社会认可度调查（recognition.groups）', en: 'No data: give recognition { groups: [{ group, respondents, satisfied }] }' } };
  }
  let ok: boolean;
  let share: number;
  if (combine === 'pooled') {
    const s = groups.reduce((a, g) => a + BigInt(g.satisfied), 0n);
    const r = groups.reduce((a, g) => a + BigInt(g.respondents), 0n);
    ok = s * 10_000n >= BigInt(bp) * r;
    share = Number(s) / Number(r);
  } else {
    // Σ sᵢ/rᵢ ≥ n × share  ⇔  Σ sᵢ × (R / rᵢ) × 10⁴ ≥ n × bp × R, R = Π rᵢ.
    const R = groups.reduce((a, g) => a * BigInt(g.respondents), 1n);
    const sum = groups.reduce((a, g) => a + BigInt(g.satisfied) * (R / BigInt(g.respondents)), 0n);
    const whole = BigInt(groups.length) * R;
    ok = sum * 10_000n >= BigInt(bp) * whole;
    // For reading: one division of the exact fraction, reduced so that it stays within a double's integers.
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    const d = gcd(sum, whole) || 1n;
    share = Number(sum / d) / Number(whole / d);
  }
  const list = groups.map((g) => `${g.group} ${g.satisfied}/${g.respondents}`).join(combine === 'pooled' ? ', ' : '; ');
  const shown = `${(Math.floor(share * 10_000) / 100).toFixed(2)} %`;
  return {
    status: ok ? 'passes' : 'fails',
    share,
    reason: {
      zh: `满意度 ${shown}（${combine === 'pooled' ? '各类对象合计' : '各类对象平均'}：${list}；要求 ${needed}）`,
      en: `Satisfied ${shown} (${combine === 'pooled' ? 'pooled over every group' : 'mean of the groups'}: ${list}; required ${needed})`,
    },
  };
}
