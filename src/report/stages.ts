import type { AnalysisWindow } from '../tables/periods';
import type { Pipeline } from '../pipeline';
import { corpusStage } from '../tables/corpus-stage';
import { actorsStage } from '../tables/actors';
import { statementsStage } from '../tables/statements';
import { themesStage, type KeynessGroups } from '../tables/themes';
import type { ReportStage } from './stage';

/** Options every stage may read. */
export interface StageOptions {
  /** Analysis window for zero-filled period tables (ISO dates, inclusive). */
  window: AnalysisWindow;
  /** Speaker groups keyness.csv compares (default: CHN target, USA reference). */
  keyness?: KeynessGroups;
}

export { DEFAULT_WINDOW } from '../tables/periods';

/** The report's stages, in pipeline order. */
export function createStages(pipeline: Pipeline, options: StageOptions): ReportStage[] {
  return [corpusStage(), actorsStage(), statementsStage(options), themesStage({ ...options, codebook: pipeline.codebook })];
}
