import type { Pipeline } from '../pipeline';
import { corpusStage } from '../tables/corpus-stage';
import { actorsStage } from '../tables/actors';
import { statementsStage } from '../tables/statements';
import { themesStage } from '../tables/themes';
import type { ReportStage } from './stage';

/** Options every stage may read. */
export interface StageOptions {
  /** Analysis window for zero-filled period tables (ISO dates, inclusive). */
  window: { from: string; to: string };
}

export { DEFAULT_WINDOW } from '../tables/periods';

/** The report's stages, in pipeline order. Each later stage adds one line here. */
export function createStages(pipeline: Pipeline, options: StageOptions): ReportStage[] {
  void pipeline;
  return [corpusStage(), actorsStage(), statementsStage(options), themesStage({ ...options, codebook: pipeline.codebook })];
}
