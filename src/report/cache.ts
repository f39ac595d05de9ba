/**
 * The annotation cache: re-running the report on a corpus that gained a few
 * articles annotates only those. Each article's mentions, statements, themes and
 * warnings are stored under OUT/.cache/FINGERPRINT/, keyed by a hash of its
 * cleaned text and metadata. The fingerprint covers the kit's version and the
 * content of every data file the annotators read (registry, matching rules, cue
 * lexicon, codebook, the user's own files), so changing any of them starts a fresh
 * cache and the old one is deleted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Article } from '../corpus/types';
import { KIT_VERSION, PACKAGE_ROOT } from '../data';
import type { PipelineOptions } from '../pipeline';
import type { ArticleAnnotations } from './parallel';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt', '.dic']);

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : DATA_EXTENSIONS.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

/** A short hash of everything that decides an article's annotations besides its text. */
export function pipelineFingerprint(options: Pick<PipelineOptions, 'actors' | 'codebook' | 'cues'>): string {
  const hash = createHash('sha256').update(`kit ${KIT_VERSION}\n`);
  const files = [...dataFiles(join(PACKAGE_ROOT, 'src')), ...(options.actors ?? []), ...(options.codebook ? [options.codebook] : []), ...(options.cues ? [options.cues] : [])];
  for (const file of files) hash.update(`${file.startsWith(PACKAGE_ROOT) ? file.slice(PACKAGE_ROOT.length) : file}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export class AnnotationCache {
  hits = 0;
  misses = 0;

  private constructor(readonly dir: string) {}

  /** Opens OUT/.cache/FINGERPRINT, deleting caches made under other fingerprints. */
  static open(out: string, fingerprint: string): AnnotationCache {
    const root = join(out, '.cache');
    if (existsSync(root)) for (const old of readdirSync(root)) if (old !== fingerprint) rmSync(join(root, old), { recursive: true, force: true });
    const dir = join(root, fingerprint);
    mkdirSync(dir, { recursive: true });
    return new AnnotationCache(dir);
  }

  private path(article: Article): string {
    const key = createHash('sha256')
      .update([article.article_id, article.file, article.published, article.text].join('\u0000'))
      .digest('hex');
    return join(this.dir, key.slice(0, 2), `${key.slice(2, 40)}.json`);
  }

  get(article: Article): ArticleAnnotations | undefined {
    const path = this.path(article);
    if (!existsSync(path)) {
      this.misses++;
      return undefined;
    }
    try {
      const found = JSON.parse(readFileSync(path, 'utf8')) as ArticleAnnotations;
      this.hits++;
      return found;
    } catch {
      this.misses++; // a torn write: annotate again
      return undefined;
    }
  }

  put(article: Article, annotations: ArticleAnnotations): void {
    const path = this.path(article);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify(annotations));
  }
}
