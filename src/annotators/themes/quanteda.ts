/**
 * quanteda-style YAML dictionaries (as `quanteda::dictionary(file = "x.yml")` reads):
 * nested keys name the categories, leaves are lists of glob patterns.
 *
 *   economy:
 *     trade: [trade*, tariff*]
 *   security: [nato, "military alliance*"]
 *
 * Nested keys become theme ids joined with "." as quanteda flattens them
 * ("economy.trade"). Errors name the file and line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { KitError } from '../../errors';
import { contentVersion, DEFAULT_NEGATION_WINDOW, DEFAULT_NEGATORS, dictionaryTheme, readText, type Codebook, type Theme } from './codebook';
import { themeMessages } from '../../messages';
import { patternProblem } from './patterns';

export function readQuantedaDictionary(file: string): Codebook {
  const source = readText(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const fail = (node: Node | null | undefined, message: string): never => {
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    throw new KitError(`${file}:${line}: ${message}`, 'invalid-dictionary', file, line);
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line ?? 1;
    throw new KitError(`${file}:${line}: YAML syntax error: ${err.message.split('\n')[0]}`, 'invalid-yaml', file, line);
  }
  if (!isMap(doc.contents)) return fail(doc.contents, themeMessages.notADictionary());

  const themes: Theme[] = [];
  const patternOf = (node: unknown, key: string, at: Node): string => {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return fail(at, themeMessages.dictionaryBadValue(key));
    const text = String(node.value);
    const problem = patternProblem(text);
    if (problem) fail(node, `dictionary key "${key}": ${problem}`);
    return text;
  };
  const walk = (map: Node, prefix: string): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const name = isScalar(keyNode) ? String(keyNode.value) : '';
      const id = prefix ? `${prefix}.${name}` : name;
      const value = pair.value as Node | null;
      if (isMap(value)) walk(value, id);
      else if (isSeq(value)) {
        if (value.items.length === 0) fail(keyNode, themeMessages.dictionaryEmptyKey(id));
        themes.push(dictionaryTheme(id, value.items.map((item) => patternOf(item, id, (item as Node) ?? keyNode))));
      } else if (isScalar(value) && value.value !== null && value.value !== '') themes.push(dictionaryTheme(id, [patternOf(value, id, value)]));
      else fail(keyNode, themeMessages.dictionaryEmptyKey(id));
    }
  };
  walk(doc.contents, '');
  return {
    version: contentVersion(file, source),
    source: file,
    format: 'quanteda',
    negators: DEFAULT_NEGATORS,
    negationWindow: DEFAULT_NEGATION_WINDOW,
    themes,
  };
}
