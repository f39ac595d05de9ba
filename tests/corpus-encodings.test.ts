import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encode } from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeLine, loadCorpus } from '../src/corpus';
import { LEGACY_ENCODINGS } from '../src/corpus/decode';
import { messages } from '../src/messages';
import { runReport, type RunSummary } from '../src/report/run';
import { tempCorpus } from './helpers';

/**
 * Encodings are decided file by file: valid UTF-8 is UTF-8 whatever --encoding says, a
 * BOM says UTF-16 or UTF-32, and anything else is read in the named legacy encoding or
 * the one detected. The legacy files are made here with iconv-lite from known text, so
 * each decoded text is checked against the text it was made from.
 */
const TEXT = {
  utf8: 'Lavrov said the “no limits” partnership is “stronger than ever”, and China’s envoy agreed – at the Café Pushkin.',
  western: 'Wang said China’s position was “objective and fair” – and that the talks in Genève had been très utiles… for both sides.',
  russian: 'Министр иностранных дел России Сергей Лавров заявил, что отношения с Китаем находятся на самом высоком уровне за всю историю.',
  chinese: '中国外交部发言人汪文斌表示，中俄关系不针对任何第三方，也不受第三方干扰。双方将继续深化全面战略协作伙伴关系。',
  japanese: '岸田文雄首相は、中国とロシアの軍事協力について深い懸念を表明した。',
};

/** A folder mixing UTF-8 (with and without BOM), UTF-16 and UTF-32 with BOMs, Windows-1252, Windows-1251, KOI8-R, GB18030 and Shift_JIS. */
function mixedFolder(): string {
  const bom = (bytes: number[], text: Buffer) => Buffer.concat([Buffer.from(bytes), text]);
  return tempCorpus({
    'a-utf8.txt': TEXT.utf8,
    'b-utf8-bom.txt': bom([0xef, 0xbb, 0xbf], Buffer.from(TEXT.utf8)),
    'c-cp1252.txt': encode(TEXT.western, 'windows-1252'),
    'd-cp1251.txt': encode(TEXT.russian, 'windows-1251'),
    'e-koi8r.txt': encode(TEXT.russian, 'koi8-r'),
    'f-gb18030.txt': encode(TEXT.chinese, 'gb18030'),
    'g-sjis.txt': encode(TEXT.japanese, 'shift_jis'),
    'h-utf16le.txt': bom([0xff, 0xfe], encode(TEXT.russian, 'utf-16le')),
    'i-utf32le.txt': bom([0xff, 0xfe, 0x00, 0x00], encode(TEXT.chinese, 'utf-32le', { addBOM: false })),
    'j-utf32be.txt': bom([0x00, 0x00, 0xfe, 0xff], encode(TEXT.western, 'utf-32be', { addBOM: false })),
    'k-feed.jsonl': Buffer.concat([
      Buffer.from(JSON.stringify({ id: 'line-utf8', text: TEXT.utf8 }) + '\n'),
      encode(JSON.stringify({ id: 'line-cp1251', text: TEXT.russian }) + '\n', 'windows-1251'),
      encode(JSON.stringify({ id: 'line-gb18030', text: TEXT.chinese }) + '\n', 'gb18030'),
    ]),
  });
}

const EXPECTED_TEXTS = {
  'a-utf8': TEXT.utf8,
  'b-utf8-bom': TEXT.utf8,
  'c-cp1252': TEXT.western,
  'd-cp1251': TEXT.russian,
  'e-koi8r': TEXT.russian,
  'f-gb18030': TEXT.chinese,
  'g-sjis': TEXT.japanese,
  'h-utf16le': TEXT.russian,
  'i-utf32le': TEXT.chinese,
  'j-utf32be': TEXT.western,
  'line-utf8': TEXT.utf8,
  'line-cp1251': TEXT.russian,
  'line-gb18030': TEXT.chinese,
};

const EXPECTED_ENCODINGS = {
  'a-utf8.txt': 'utf-8',
  'b-utf8-bom.txt': 'utf-8',
  'c-cp1252.txt': 'windows-1252',
  'd-cp1251.txt': 'windows-1251',
  'e-koi8r.txt': 'koi8-r',
  'f-gb18030.txt': 'gb18030',
  'g-sjis.txt': 'shift_jis',
  'h-utf16le.txt': 'utf-16le',
  'i-utf32le.txt': 'utf-32le',
  'j-utf32be.txt': 'utf-32be',
  'k-feed.jsonl:1': 'utf-8',
  'k-feed.jsonl:2': 'windows-1251',
  'k-feed.jsonl:3': 'gb18030',
};

const textsOf = (articles: { article_id: string; text: string }[]) => Object.fromEntries(articles.map((a) => [a.article_id, a.text]));

describe('a folder of mixed encodings, read file by file', () => {
  it('loadCorpus reads every file and line in its own encoding, to the exact text', async () => {
    const corpus = await loadCorpus(mixedFolder());
    expect(corpus.skipped).toEqual([]);
    expect(textsOf(corpus.articles)).toEqual(EXPECTED_TEXTS);
    expect(corpus.articles.map((a) => a.text).join('')).not.toMatch(/â€|Ã|Ð|\uFFFD|\u0000/);
  });

  it("run.json records each file's encoding (.jsonl lines one by one)", async () => {
    const out = mkdtempSync(join(tmpdir(), 'srkit-enc-'));
    const summary = await runReport({ corpus: mixedFolder(), out, charts: false, parquet: false });
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
    expect(run.encodings).toEqual(EXPECTED_ENCODINGS);
    expect(Object.keys(run.encodings)).toEqual(Object.keys(EXPECTED_ENCODINGS));
    expect(summary.articles).toBe(13);
  });

  it('the manifest is decoded the same way and listed too', async () => {
    const dir = tempCorpus({
      'manifest.csv': encode(
        [
          'file,title,outlet,url,published',
          'note.txt,«Лавров в Пекине»: министр иностранных дел России обсудил с китайскими коллегами отношения двух стран,ТАСС,,2024-04-09',
          'other.txt,Путин и Си Цзиньпин подписали совместное заявление о партнёрстве и стратегическом взаимодействии,РИА Новости,,2022-02-04',
          '',
        ].join('\n'),
        'windows-1251',
      ),
      'note.txt': TEXT.utf8,
      'other.txt': TEXT.utf8,
    });
    const out = mkdtempSync(join(tmpdir(), 'srkit-enc-'));
    const summary = await runReport({ corpus: dir, out, charts: false, parquet: false });
    expect(summary.encodings).toEqual({ 'manifest.csv': 'windows-1251', 'note.txt': 'utf-8', 'other.txt': 'utf-8' });
    const articles = readFileSync(join(out, 'tables/articles.csv'), 'utf8');
    expect(articles).toContain('«Лавров в Пекине»: министр иностранных дел России обсудил с китайскими коллегами отношения двух стран,ТАСС');
    expect(articles).toContain('РИА Новости');
  });
});

describe('--encoding names the legacy encoding; UTF-8 files stay UTF-8', () => {
  it('windows-1252 beside UTF-8 files: both right (the UTF-8 quotes do not become â€™)', async () => {
    const dir = tempCorpus({ 'a-utf8.txt': TEXT.utf8, 'b-cp1252.txt': encode(TEXT.western, 'windows-1252') });
    const corpus = await loadCorpus(dir, { encoding: 'windows-1252' });
    expect(textsOf(corpus.articles)).toEqual({ 'a-utf8': TEXT.utf8, 'b-cp1252': TEXT.western });
  });

  it('a text too short to detect is refused by default, naming the guesses; read when its encoding is named', async () => {
    const short = encode('汪文斌表示中俄关系。', 'gb18030');
    const auto = await loadCorpus(tempCorpus({ 'short.txt': short }));
    expect(auto.skipped).toEqual([{ file: 'short.txt', reason: expect.stringMatching(/^file is not UTF-8 and its encoding could not be told \(best guesses: \S+ \d+, \S+ \d+, \S+ \d+\); name it with --encoding \(windows-1252, windows-1251, koi8-r, gb18030, shift_jis\) or re-save it as UTF-8$/) }]);
    const named = await loadCorpus(tempCorpus({ 'short.txt': short }), { encoding: 'gb18030' });
    expect(named.articles.map((a) => a.text)).toEqual(['汪文斌表示中俄关系。']);
  });

  it('a byte the named encoding has no character for refuses the file, naming the byte', () => {
    const bytes = Buffer.concat([encode('Wang said “yes”', 'windows-1252'), Buffer.from([0x81]), Buffer.from('.')]);
    expect(decodeBytes(bytes, 'windows-1252')).toEqual({ ok: false, reason: messages.notInEncoding('file', 'windows-1252', 15, 0x81) });
    expect(messages.notInEncoding('file', 'windows-1252', 15, 0x81)).toBe(
      'file is not windows-1252: byte 0x81 at byte 15 is no windows-1252 character; name its encoding with --encoding (auto, windows-1252, windows-1251, koi8-r, gb18030, shift_jis) or re-save it as UTF-8',
    );
  });

  it('the messages list the encodings decode.ts reads', () => {
    expect(messages.invalidUtf8(0)).toContain(`(--encoding ${LEGACY_ENCODINGS.join(', ')})`);
  });
});

describe('never mojibake', () => {
  it('UTF-8 with a Windows-1252 paste is refused in every mode, not read as Windows-1252', () => {
    const bytes = Buffer.concat([Buffer.from('China’s envoy said: '), encode('“we agree”', 'windows-1252')]);
    const damaged = { ok: false, reason: messages.damagedUtf8('file', 22) };
    expect(decodeBytes(bytes)).toEqual(damaged);
    expect(decodeBytes(bytes, 'windows-1252')).toEqual(damaged);
    expect(decodeBytes(bytes, 'windows-1251')).toEqual(damaged);
    expect(decodeLine(bytes)).toEqual({ ok: false, reason: messages.damagedUtf8('line', 22) });
    expect(messages.damagedUtf8('file', 22)).toBe('file is UTF-8 with bad byte sequences (the first at byte 22); re-save it as UTF-8 (read in another encoding, its other characters would be garbled)');
  });

  it('a Windows-1252 file holding "â€™" (UTF-8 read once already) is refused too; a plain one is read', () => {
    const twice = encode('Wang said China’s position is “objective” – really.', 'windows-1252');
    const mojibake = Buffer.concat([twice, Buffer.from('China’s')]);
    expect(decodeBytes(mojibake, 'windows-1252')).toEqual({ ok: false, reason: messages.damagedUtf8('file', 15) });
    expect(decodeBytes(twice, 'windows-1252')).toEqual({ ok: true, text: 'Wang said China’s position is “objective” – really.', encoding: 'windows-1252' });
  });

  it('an encoding the kit does not read is named, and the file refused', () => {
    const polish = encode('Minister spraw zagranicznych Polski powiedział, że rozmowy w Pekinie były trudne. Zażółć gęślą jaźń.', 'windows-1250');
    expect(decodeBytes(polish)).toEqual({ ok: false, reason: messages.unreadEncoding('file', 'windows-1250') });
    expect(messages.unreadEncoding('file', 'windows-1250')).toBe(
      'file is not UTF-8 and looks like windows-1250, which the kit does not read; re-save it as UTF-8, or name its encoding with --encoding if it is one of windows-1252, windows-1251, koi8-r, gb18030, shift_jis',
    );
  });

  it('valid UTF-8 is UTF-8 whatever the option says', () => {
    for (const encoding of ['auto', 'utf-8', ...LEGACY_ENCODINGS] as const) {
      expect(decodeBytes(Buffer.from(TEXT.russian), encoding)).toEqual({ ok: true, text: TEXT.russian, encoding: 'utf-8' });
    }
  });
});

describe('byte order marks', () => {
  it('a UTF-32 LE BOM is UTF-32, not UTF-16 LE followed by NULs', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), encode('Xi met Putin.', 'utf-32le', { addBOM: false })]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: 'Xi met Putin.', encoding: 'utf-32le' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Xi met Putin.', 'utf16le')]);
    expect(decodeBytes(utf16)).toEqual({ ok: true, text: 'Xi met Putin.', encoding: 'utf-16le' });
  });

  it('a UTF-32 .jsonl is refused with a reason', async () => {
    const bytes = Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), encode('{"text":"Xi met Putin."}\n', 'utf-32be', { addBOM: false })]);
    const corpus = await loadCorpus(tempCorpus({ 'feed.jsonl': bytes }));
    expect(corpus.skipped).toEqual([{ file: 'feed.jsonl', reason: 'UTF-32 .jsonl is not supported; re-save the file as UTF-8' }]);
  });
});

describe('the CLI', () => {
  const ROOT = resolve(__dirname, '..');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli.ts', 'report', '--out', mkdtempSync(join(tmpdir(), 'srkit-')), '--quiet', '--no-parquet', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });

  it('--encoding is checked, the error listing the valid names; a valid name is used', () => {
    const bad = cli('--corpus', tempCorpus({ 'a.txt': TEXT.utf8 }), '--encoding', 'latin1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('error: Invalid argument `encoding`: got "latin1". Use one of: auto, utf-8, windows-1252, windows-1251, koi8-r, gb18030, shift_jis\n');
    const dir = tempCorpus({ 'ua.txt': encode('Міністр заявив, що дії Китаю викликають занепокоєння.', 'windows-1251') });
    const good = cli('--corpus', dir, '--encoding', 'windows-1251');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^report: 1 articles read, 0 skipped/);
  });
});
