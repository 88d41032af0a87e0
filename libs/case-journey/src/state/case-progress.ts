import type { CaseClosure, CaseStage, CaseState } from './case-state';
import { isCharged } from './case-lookups';

type Progress = Pick<CaseState, 'convicted' | 'closure' | 'stage'>;

/**
 * Where the case stands, derived from its facts rather than moved by each event, so that late,
 * corrected or retracted events leave it right.
 */
export function progressOf(state: CaseState): Progress {
  const convicted =
    state.pleas.some((plea) => plea.plea === 'guilty') || state.verdicts.some((verdict) => verdict.verdict === 'convicted');
  const closure = closureOf(state, convicted);
  return { convicted, closure, stage: stageOf(state, convicted, closure) };
}

function closureOf(state: CaseState, convicted: boolean): CaseClosure | null {
  const { chargeDecision, prosecutionEnded, investigationNotPursued, verdicts } = state;
  if (chargeDecision === null) {
    return investigationNotPursued && { reason: 'investigation-not-pursued', at: investigationNotPursued.at };
  }
  if (chargeDecision.decision !== 'charge') return { reason: chargeDecision.decision, at: chargeDecision.at };
  if (prosecutionEnded) return { reason: prosecutionEnded.ending, at: prosecutionEnded.at };
  // Verdicts can come charge by charge: the case closes as acquitted only if nothing convicted.
  if (verdicts.length > 0 && !convicted) return { reason: 'acquitted', at: verdicts[verdicts.length - 1].at };
  return null;
}

function stageOf(state: CaseState, convicted: boolean, closure: CaseClosure | null): CaseStage {
  if (closure) return 'closed';
  if (state.sentence) return 'post-sentence';
  if (isCharged(state)) return convicted || state.verdicts.length > 0 || trialUnderway(state) ? 'trial' : 'pre-trial';
  return state.files.length > 0 ? 'pre-charge' : 'investigation';
}

const trialUnderway = (state: CaseState): boolean =>
  state.hearings.some(
    (hearing) => hearing.hearingType === 'trial' && (hearing.held?.result === 'effective' || hearing.held?.result === 'cracked'),
  );
