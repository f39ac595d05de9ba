/**
 * The pipeline: corpus → annotators → tables. One place that loads the data files
 * (registry, cue lexicon, codebook) once and annotates articles one at a time, used
 * alike by the report, notebooks and scripts.
 */
import type { Article } from './corpus/types';
import type { Mention, Statement, ThemeMatch } from './annotators/types';
import type { Logger } from './logger';
import { loadRegistry, findMentions, rolesOn, type Registry } from './annotators/actors';
import { loadCues, extractStatements, type CueLexicon, type OfficesOf } from './annotators/statements';
import { defaultAttributionRules, loadAttributionRules, type AttributionRules } from './annotators/statements';
import { loadCodebook, codeThemes, type Codebook } from './annotators/themes';

export interface PipelineOptions {
  /** Extra actor registry files, merged over the kit's own (same id overrides). */
  actors?: string[];
  /** A codebook file replacing the kit's own (YAML codebook, quanteda YAML dictionary or LIWC .dic). */
  codebook?: string;
  /** A cue lexicon replacing the kit's own `statements/cues.yaml`. */
  cues?: string;
  /** Attribution rules replacing the kit's own `statements/attribution-rules.yaml` (same format: the patterns of the rule ids). */
  attributionRules?: string;
  /** Receives warnings (unbalanced quotes, …) naming the article and offset. */
  logger?: Logger;
}

export interface AnnotatedArticle {
  article: Article;
  mentions: Mention[];
  statements: Statement[];
  themes: ThemeMatch[];
}

export interface Pipeline {
  registry: Registry;
  cues: CueLexicon;
  attributionRules: AttributionRules;
  codebook: Codebook;
  annotate(article: Article): AnnotatedArticle;
}

/** A registered person's offices at `date` (role id and title, lower case), for the statements stage's role nouns. */
function officesOn(registry: Registry, date: string): OfficesOf {
  return (id) => {
    const actor = registry.byId.get(id);
    return actor?.type === 'person' ? rolesOn(actor, date).map((r) => `${r.role.replace(/-/g, ' ')} ${r.title}`.toLowerCase()) : undefined;
  };
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const registry = loadRegistry(options.actors ?? []);
  const cues = loadCues(options.cues);
  const attributionRules = options.attributionRules ? loadAttributionRules(options.attributionRules) : defaultAttributionRules();
  const codebook = loadCodebook(options.codebook);
  return {
    registry,
    cues,
    attributionRules,
    codebook,
    annotate(article) {
      const mentions = findMentions(article, registry);
      const statements = extractStatements(article, mentions, cues, options.logger, attributionRules, officesOn(registry, article.published));
      const themes = codeThemes(article, statements, codebook);
      return { article, mentions, statements, themes };
    },
  };
}
