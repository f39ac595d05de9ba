// PLACEHOLDER until the themes module lands (issue 5).
import type { Article } from '../../corpus/types';
import type { Statement, ThemeMatch } from '../types';
export interface Codebook { version: string }
export function loadCodebook(file?: string): Codebook { void file; return { version: '0' }; }
export function codeThemes(article: Article, statements: Statement[], codebook: Codebook): ThemeMatch[] { void article; void statements; void codebook; return []; }
