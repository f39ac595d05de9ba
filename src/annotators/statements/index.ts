// PLACEHOLDER until the statements module lands (issue 4).
import type { Article } from '../../corpus/types';
import type { Mention, Statement } from '../types';
import type { Registry } from '../actors';
export interface CueLexicon { version: string }
export function loadCues(): CueLexicon { return { version: '0' }; }
export function extractStatements(article: Article, mentions: Mention[], registry: Registry, cues: CueLexicon): Statement[] { void article; void mentions; void registry; void cues; return []; }
