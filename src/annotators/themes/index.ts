/**
 * Rhetorical themes (issue 5): a codebook of themes and patterns (YAML, or a
 * quanteda / LIWC dictionary), coded sentence by sentence into ThemeMatch records.
 */
export {
  type Codebook,
  type CodebookFormat,
  type Theme,
  type NegationHandling,
  codebookFromData,
  DEFAULT_CODEBOOK,
  DEFAULT_NEGATORS,
  DEFAULT_NEGATION_WINDOW,
} from './codebook';
export { loadCodebook } from './load';
export { readLiwcDictionary } from './liwc';
export { readQuantedaDictionary } from './quanteda';
export { compilePattern, patternProblem, words, wordsIn, type CompiledPattern, type Word, type WordSource, type TokenSource } from './patterns';
export { codeThemes, matchText, themesOf, statementAt, findInArticle, type TextMatch } from './code';
export { evaluateThemes, checkExamples, loadGold, type GoldSentence, type ThemeScore, type ThemeEvaluation, type ExampleFailure } from './evaluate';
export { keynessFromCounts, keynessCell, keynessTokens, countKeynessWords, chiSquareUpperTail, type KeynessRow } from './keyness';
