import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus, type Article } from '../src/corpus';
import { SEED, SEEDS } from './helpers';

let seeds: Map<string, Article>;
beforeAll(async () => {
  const corpus = await loadCorpus(SEEDS);
  seeds = new Map(corpus.articles.map((a) => [a.article_id, a]));
});
const seed = (id: string): Article => seeds.get(id)!;
const removals = (a: Article) => a.removed.map((r) => [r.line, r.rule, r.text]);
const captions = (a: Article) => a.paragraphs.filter((p) => p.caption).map((p) => a.text.slice(p.start, p.end));
/** Text of the (single) cleaned line, or the removal that took it. */
const clean = (text: string) => articleFromText(text, { article_id: 'probe' });

describe('000 (Kyiv Post): the "Other Topics of Interest" teaser block', () => {
  it('removes the teaser headline (both copies), the marker and the teaser summary, naming lines and rule', () => {
    expect(removals(seed(SEED.kyivPost))).toEqual([
      [18, 'teaser-block', "Biden Absence From Ukraine Peace Summit Would Be Like 'Applauding Putin': Zelensky"],
      [19, 'teaser-block', 'Other Topics of Interest'],
      [21, 'teaser-block', "Biden Absence From Ukraine Peace Summit Would Be Like 'Applauding Putin': Zelensky"],
      [23, 'teaser-block', 'Zelensky has said dozens of world leaders will attend the summit. He said Tuesday that attending or not is a "choice" between wanting peace or war in Ukraine.'],
      [48, 'correction-footer', 'To suggest a correction or clarification, write to us here'],
      [49, 'correction-footer', 'You can also highlight the text and press Ctrl + Enter'],
    ]);
  });

  it('no teaser text survives in the cleaned text', () => {
    const { text } = seed(SEED.kyivPost);
    for (const teaser of ['Zelensky has said dozens', 'Biden Absence', 'Applauding Putin', 'Other Topics of Interest', 'attending or not is a "choice"']) {
      expect(text).not.toContain(teaser);
    }
  });

  it('the block ends after its two lines: the next paragraph of the story is kept', () => {
    const { text, sentences } = seed(SEED.kyivPost);
    expect(text).toContain('Xi and President Vladimir Putin have agreed to maintain "close exchanges"');
    expect(sentences[8]!.text).toBe('Xi and President Vladimir Putin have agreed to maintain "close exchanges" to ensure the steady development of their ties, the readout said.');
    expect(text).toContain('- Continued support -');
  });

  it('the correction footer is gone, the last quote of the story stays', () => {
    const { text } = seed(SEED.kyivPost);
    expect(text).not.toContain('suggest a correction');
    expect(text).not.toContain('Ctrl + Enter');
    expect(text.endsWith('they should first reflect on the root causes of the crisis," Mao said.')).toBe(true);
  });

  it('without the marker line, the same two lines are not removed', () => {
    const a = clean('Biden Absence From Ukraine Peace Summit Would Be Like \'Applauding Putin\': Zelensky\n\nZelensky has said dozens of world leaders will attend the summit.');
    expect(a.removed).toEqual([]);
    expect(a.text).toContain('Zelensky has said dozens');
  });
});

describe('001 (AP): date marker, photo credit, byline, caption', () => {
  it('records each removal with line and rule', () => {
    expect(removals(seed(SEED.ap))).toEqual([
      [1, 'date-marker', 'date 2022-03-07'],
      [1, 'photo-credit-parenthesised', '(AP/Sam McNeil)'],
      [5, 'byline', 'By Associated Press'],
    ]);
  });

  it('keeps the caption text (flagged) without the marker or the credit', () => {
    const a = seed(SEED.ap);
    expect(captions(a)).toEqual([
      "Chinese Foreign Minister Wang Yi speaks during a remote video press conference held on the sidelines of the annual meeting of China's National People's Congress (in Beijing, March 7, 2022.",
    ]);
    expect(a.text).not.toContain('By Associated Press');
    expect(a.text).not.toContain('AP/Sam McNeil');
    expect(a.text).not.toContain('date 2022-03-07');
  });

  it('"By Monday, China had responded" opens a sentence, not a byline: kept', () => {
    const a = clean('By Monday, China had responded to the sanctions.\n\nBy Associated Press');
    expect(a.sentences.map((s) => s.text)).toEqual(['By Monday, China had responded to the sanctions.']);
    expect(removals(a)).toEqual([[3, 'byline', 'By Associated Press']]);
  });

  it('a parenthesised agency outside a caption\'s end is kept: "(AP) reported" is prose', () => {
    const a = clean('The wire service (AP) reported the talks on Monday.');
    expect(a.removed).toEqual([]);
    expect(a.paragraphs[0]!.caption).toBe(false);
  });
});

describe('002 (Newsweek): Getty credit and caption', () => {
  it('removes only the agency credit', () => {
    expect(removals(seed(SEED.newsweek))).toEqual([[36, 'photo-credit-getty', 'GREG BAKER/AFP via Getty Images']]);
  });

  it('flags the caption and its title line above it, and nothing else', () => {
    expect(captions(seed(SEED.newsweek))).toEqual([
      'China-Russia Relationship Not an Alliance: Beijing',
      'China’s foreign ministry spokesman Wang Wenbin during a daily press briefing on July 24, 2020, in Beijing. Asked about China’s endorsement of Russia’s invasion of Ukraine, Wang told reporters on February 28, 2022, that Beijing’s relationship with Moscow was not an alliance.',
    ]);
    // The section heading "Chinese Citizens in Ukraine" also lacks a final period but sits above prose.
    const heading = seed(SEED.newsweek).paragraphs.find((p) => seed(SEED.newsweek).text.slice(p.start, p.end) === 'Chinese Citizens in Ukraine');
    expect(heading?.caption).toBe(false);
  });
});

describe('003 (DW): skip-links, dateline, image credit, agency sign-off', () => {
  it('records each removal with line and rule', () => {
    expect(removals(seed(SEED.dw))).toEqual([
      [1, 'skip-link', '1. Skip to content'],
      [2, 'skip-link', '2. Skip to main menu'],
      [3, 'skip-link', '3. Skip to more DW sites'],
      [7, 'dateline', 'March 23, 2021'],
      [12, 'photo-credit-image', 'Image: Russian Foreign Ministry/Tass/imago images'],
      [54, 'agency-signoff', 'rc/msh (Reuters, AP, EFE)'],
    ]);
  });

  it('flags the glued caption and the photo title above it', () => {
    expect(captions(seed(SEED.dw))).toEqual([
      'Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi bump elbows',
      'Sergey Lavrov (left) and Wang Yi met in Guilin, China for their talks',
    ]);
  });

  it('the cleaned text starts at the headline and ends at the last sentence', () => {
    const { text } = seed(SEED.dw);
    expect(text.startsWith('China, Russia accuse US of interference\n\nIn a show of unity')).toBe(true);
    expect(text.endsWith('describing them as "regrettable and unacceptable."')).toBe(true);
  });

  it('near misses are kept: a sentence opening with a date, prose with agencies in brackets, "skip" in prose', () => {
    const a = clean(
      'March 23, 2021 was the day the ministers met in Guilin.\n\nLavrov said (Reuters, AP) that talks went well.\n\nSkip to the next summit, Wang said.\n\nrc/msh (Reuters, AP, EFE)',
    );
    expect(a.sentences.map((s) => s.text)).toEqual([
      'March 23, 2021 was the day the ministers met in Guilin.',
      'Lavrov said (Reuters, AP) that talks went well.',
      'Skip to the next summit, Wang said.',
    ]);
    expect(removals(a)).toEqual([[7, 'agency-signoff', 'rc/msh (Reuters, AP, EFE)']]);
    expect(a.published).toBe('');
  });
});

describe('004 (Newsmax): contributor line and copyright', () => {
  it('records each removal with line and rule', () => {
    expect(removals(seed(SEED.newsmax))).toEqual([
      [14, 'contributor-line', 'The Associated Press contributed to this story.'],
      [15, 'copyright', '© 2025 Newsmax. All rights reserved.'],
    ]);
  });

  it('near misses are kept: the agency as a source, a sentence about copyright', () => {
    const a = clean(
      'The Associated Press reported the vote on Thursday.\n\nCopyright disputes between Chinese and Russian firms grew in 2021.\n\nCopyright 2022 Newsmax Media, Inc.',
    );
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The Associated Press reported the vote on Thursday.',
      'Copyright disputes between Chinese and Russian firms grew in 2021.',
    ]);
    expect(removals(a)).toEqual([[5, 'copyright', 'Copyright 2022 Newsmax Media, Inc.']]);
  });
});

describe('captions are flagged only where there are photos', () => {
  it('000 and 004 have no caption paragraphs', () => {
    expect(captions(seed(SEED.kyivPost))).toEqual([]);
    expect(captions(seed(SEED.newsmax))).toEqual([]);
  });

  it('captions are kept in the sentences (they can carry statements)', () => {
    const a = seed(SEED.newsweek);
    const captionSentences = a.sentences.filter((s) => a.paragraphs[s.paragraph]!.caption).map((s) => s.text);
    expect(captionSentences).toEqual([
      'China-Russia Relationship Not an Alliance: Beijing',
      'China’s foreign ministry spokesman Wang Wenbin during a daily press briefing on July 24, 2020, in Beijing.',
      'Asked about China’s endorsement of Russia’s invasion of Ukraine, Wang told reporters on February 28, 2022, that Beijing’s relationship with Moscow was not an alliance.',
    ]);
  });
});

describe('normalisation for matching', () => {
  it('norm has the same length as text, with straight quotes where the text has curly ones', () => {
    const a = seed(SEED.ap);
    expect(a.norm.length).toBe(a.text.length);
    const at = a.text.indexOf('“most important strategic partner,”');
    expect(at).toBeGreaterThan(0);
    expect(a.norm.slice(at, at + 35)).toBe('"most important strategic partner,"');
    expect(a.text.slice(at, at + 35)).not.toBe('"most important strategic partner,"');
  });

  it('NBSP becomes a space in norm, not in text', () => {
    const a = clean('Wang\u00A0Yi met Lavrov.');
    expect(a.text).toBe('Wang\u00A0Yi met Lavrov.');
    expect(a.norm).toBe('Wang Yi met Lavrov.');
  });
});

describe('links to other stories and caption labels from unseen pages (The Hindu, RT, The Guardian, AP)', () => {
  it('"Also read | …" and "Read more: …" lines are removed; "Read more about it in our report." is prose and kept', () => {
    const a = clean('Putin met Xi in Moscow on Monday.\nAlso read | Putin says world conflicts ‘strengthen’ ties with China\nRead more: Xi says ties are strong\nRead more about it in our report.');
    expect(removals(a).map((r) => r[1])).toEqual(['related-link', 'related-link']);
    expect(a.text).toBe('Putin met Xi in Moscow on Monday.\n\nRead more about it in our report.');
  });
  it('"FILE PHOTO:" and "© AP Photo / …" leave the caption, flagged; "Photograph: …/AP" too', () => {
    const a = clean('Putin met Xi.\nFILE PHOTO: Chinese Foreign Ministry spokeswoman Mao Ning © AP Photo / Liu Zheng\nVladimir Putin and Xi Jinping in Moscow. Photograph: Mikhail Tereshchenko/AP\nThe talks went on.');
    expect(captions(a)).toEqual(['Chinese Foreign Ministry spokeswoman Mao Ning', 'Vladimir Putin and Xi Jinping in Moscow.']);
  });
  it('a credit naming the photographer before the agency is one: "(Yves Herman/Reuters)", "(Russian Presidential Press Office via AP)"', () => {
    const a = clean('Putin met Xi.\nXi Jinping at the Kremlin. (Yves Herman/Reuters)\nPutin and Xi. (Russian Presidential Press Office via AP)\nThe talks went on.');
    expect(captions(a)).toEqual(['Xi Jinping at the Kremlin.', 'Putin and Xi.']);
  });
  it('a date line above a caption stays the page\'s date line, not the caption\'s title (Asahi/Reuters)', () => {
    const a = clean('REUTERS\nFebruary 5, 2022 at 19:00 JST\nXi Jinping and Vladimir Putin talk during their meeting in Beijing, Friday, Feb. 4, 2022. (Kremlin Pool Photo via AP)\nBEIJING/ MOSCOW/WASHINGTON--China and Russia on the opening day of the Winter Olympics declared a "no limits" partnership, backing each other over standoffs on Ukraine.');
    expect(captions(a)).toEqual(['Xi Jinping and Vladimir Putin talk during their meeting in Beijing, Friday, Feb. 4, 2022.']);
    expect(a.published).toBe('2022-02-05');
  });
});
