/**
 * The codebook: rhetorical themes with the patterns that code them. Data, not code:
 * the kit ships src/annotators/themes/codebook.yaml; users pass their own codebook,
 * a quanteda YAML dictionary or a LIWC .dic.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { validateData } from '../../data';
import { KitError } from '../../errors';
import { themeMessages } from '../../messages';
import { compilePattern, patternProblem, type CompiledPattern } from './patterns';

/** What to do with a match preceded by a negation word ("not", "no", "never", "…n't"). */
export type NegationHandling = 'keep' | 'drop';

export interface Theme {
  id: string;
  label: string;
  definition: string;
  patterns: string[];
  /** A match overlapping a match of one of these is not coded. */
  exclude: string[];
  /** `drop`: a match with a negation word among the few words before it is not coded. */
  negation: NegationHandling;
  /** Sentences that must be coded with the theme (checked by the tests). */
  examples: string[];
  /** Sentences that must not be. */
  counter_examples: string[];
}

export type CodebookFormat = 'codebook' | 'quanteda' | 'liwc';

export interface Codebook {
  version: string;
  /** File it was read from. */
  source: string;
  format: CodebookFormat;
  /** Words that negate a following match (for themes with `negation: drop`). */
  negators: string[];
  /** How many words before a match are searched for a negator. */
  negationWindow: number;
  themes: Theme[];
}

export const DEFAULT_CODEBOOK = 'annotators/themes/codebook.yaml';
export const DEFAULT_NEGATORS = ['not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', "n't"];
export const DEFAULT_NEGATION_WINDOW = 3;

const pattern = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    const problem = patternProblem(p);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const themeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'use lowercase letters, digits, _ . - (starting with a letter)'),
    label: z.string().min(1),
    definition: z.string().min(1),
    patterns: z.array(pattern).min(1),
    exclude: z.array(pattern).default([]),
    negation: z.enum(['keep', 'drop']).default('keep'),
    examples: z.array(z.string().min(1)).default([]),
    counter_examples: z.array(z.string().min(1)).default([]),
  })
  .strict();

const codebookSchema = z
  .object({
    version: z.union([z.string().min(1), z.number()]).transform(String),
    description: z.string().optional(),
    negation: z
      .object({
        words: z.array(z.string().min(1)).min(1).default(DEFAULT_NEGATORS),
        window: z.number().int().min(1).max(10).default(DEFAULT_NEGATION_WINDOW),
      })
      .strict()
      .default({}),
    themes: z.array(themeSchema).min(1),
  })
  .strict()
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    book.themes.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['themes', i, 'id'], message: themeMessages.duplicateTheme(t.id) });
      seen.add(t.id);
    });
  });

/** Version of a dictionary without one: its file name and a content hash. */
export function contentVersion(file: string, content: string): string {
  return `${basename(file)}@${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

/** A codebook from parsed YAML, validated; errors name the file, the theme and the field. */
export function codebookFromData(data: unknown, file: string): Codebook {
  const book = validateData(data, codebookSchema, file);
  return {
    version: book.version,
    source: file,
    format: 'codebook',
    negators: book.negation.words.map((w) => w.toLowerCase()),
    negationWindow: book.negation.window,
    themes: book.themes,
  };
}

/** True when parsed YAML has the codebook shape (a `themes` list) rather than a dictionary's. */
export function isCodebookShape(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as { themes?: unknown }).themes);
}

/** A theme for dictionaries, which carry only names and patterns. */
export function dictionaryTheme(id: string, patterns: string[]): Theme {
  return { id, label: id, definition: '', patterns, exclude: [], negation: 'keep', examples: [], counter_examples: [] };
}

/** Reads a file's text, as a KitError naming the file when it cannot be read. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new KitError(`${file}: cannot read (${(e as Error).message})`, 'unreadable', file);
  }
}

export interface CompiledTheme {
  theme: Theme;
  patterns: CompiledPattern[];
  exclude: CompiledPattern[];
}

const compiledCache = new WeakMap<Codebook, CompiledTheme[]>();

/** The codebook's patterns compiled once per codebook object. */
export function compiledThemes(codebook: Codebook): CompiledTheme[] {
  let compiled = compiledCache.get(codebook);
  if (!compiled) {
    compiled = codebook.themes.map((theme) => ({ theme, patterns: theme.patterns.map(compilePattern), exclude: theme.exclude.map(compilePattern) }));
    compiledCache.set(codebook, compiled);
  }
  return compiled;
}
