/** Statements stage: who said what, and when. */
export { loadCues, DEFAULT_CUES_FILE, type CueLexicon } from './cues';
export { extractStatements } from './extract';
export { findQuotes, type Quote } from './quotes';
export { statementDate } from './dates';
export type { Speaker, OfficesOf } from './speaker';
export { loadAttributionRules, defaultAttributionRules, ATTRIBUTION_RULES_FILE, type AttributionRules, type AttributionRuleSpec } from './rules';
