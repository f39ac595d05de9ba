import type { Pipeline } from '../pipeline';
import { corpusStage } from '../tables/corpus-stage';
import { actorsStage } from '../tables/actors';
import { statementsStage } from '../tables/statements';
import { themesStage } from '../tables/themes';
import type { ReportStage, StageOptions } from '../tables/stage';

export type { StageOptions } from '../tables/stage';

/** The report's stages, in pipeline order. */
export function createStages(pipeline: Pipeline, options: StageOptions): ReportStage[] {
  return [corpusStage(), actorsStage(), statementsStage(options), themesStage({ ...options, codebook: pipeline.codebook })];
}
