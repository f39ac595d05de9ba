import { extname } from 'node:path';
import { dataPath, readYaml } from '../../data';
import { KitError } from '../../errors';
import { codebookFromData, DEFAULT_CODEBOOK, isCodebookShape, type Codebook } from './codebook';
import { readLiwcDictionary } from './liwc';
import { themeMessages } from '../../messages';
import { readQuantedaDictionary } from './quanteda';

/**
 * Loads a codebook: the kit's own by default, else the file given, read by its
 * extension: .yaml/.yml a codebook or a quanteda dictionary (told apart by shape:
 * a codebook has a `themes` list), .dic a LIWC dictionary.
 */
export function loadCodebook(file?: string): Codebook {
  const path = file ?? dataPath(DEFAULT_CODEBOOK);
  const ext = extname(path).toLowerCase();
  if (ext === '.dic') return readLiwcDictionary(path);
  if (ext === '.yaml' || ext === '.yml') {
    const data = readYaml(path);
    return isCodebookShape(data) ? codebookFromData(data, path) : readQuantedaDictionary(path);
  }
  throw new KitError(`${path}: ${themeMessages.unsupportedCodebook(ext)}`, 'unsupported-codebook', path);
}
