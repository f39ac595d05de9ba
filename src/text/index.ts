/**
 * Text: tokens with offsets, lower-case forms, lemmas and parts of speech, built once
 * per article. Reads the corpus stage's `Article`; read by every annotator.
 */
export { analyzeText, tokensOf, tokenIndexAt, firstEndingAfter, tokensIn, isWordToken, startsToken, endsToken, wordsBefore, wordsAfter, type Token, type TokenLayer, type TokenShape, type PartOfSpeech } from './tokens';
export { forEachWord, wordCount, lowerWord } from './words';
export { compilePattern, matchesAround, matchesFrom, recordAttributes, tokenPatternSchema, type TokenPattern, type TokenPatternItem, type TokenAttributes, type AttributeReader, type AttributeValue, type UnitStream, type CompiledPattern } from './matcher';
