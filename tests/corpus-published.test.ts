import { describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus } from '../src/corpus';
import { dateFromUrl, loadDateLines, openingDateline, readDateLine } from '../src/corpus/metadata';
import { tempCorpus } from './helpers';

/** Prose that states no full date, so only the line under test can date the article. */
const BODY = [
  'Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergey Lavrov on Tuesday, and the two sides pledged to deepen their strategic coordination.',
  '"Our relations are at the highest level in their history," Lavrov told reporters after the meeting, according to the Russian foreign ministry.',
  'The ministers also discussed the situation in Ukraine and cooperation within the United Nations, officials in Beijing said.',
].join('\n\n');

const dated = (text: string, meta: Parameters<typeof articleFromText>[1] = {}) => {
  const a = articleFromText(text, meta);
  return [a.published, a.date_basis];
};

describe('date lines and time stamps near the top of the page', () => {
  it('"AGENCY | Updated: YYYY-MM-DD hh:mm" under the headline (China Daily)', () => {
    const text = `Global Edition\n\nHome / China / National affairs\n\nChinese defense minister holds video talks with Russian counterpart\n\nXinhua | Updated: 2021-11-24 08:50\n\nShare\n\n${BODY}`;
    expect(dated(text)).toEqual(['2021-11-24', 'text']);
  });

  it('"hh:mm, D Month YYYY": a time before a day-month-year date', () => {
    expect(dated(`China, Russia issue joint statement\n\n20:21, 27 November 2021\n\n${BODY}`)).toEqual(['2021-11-27', 'text']);
    expect(dated(`Xi and Putin hold call\n\n10:45, 2 August 2022\n\n${BODY}`)).toEqual(['2022-08-02', 'text']);
  });

  it('"Month D, YYYY at hh:mm TZ" under an agency line, the caption below it ignored', () => {
    const text = `REUTERS\n\nFebruary 5, 2022 at 19:00 JST\n\nChinese President Xi Jinping, right, and Russian President Vladimir Putin talk during their meeting in Beijing, China, Friday, Feb. 4, 2022. (Kremlin Pool Photo via AP)\n\n${BODY}`;
    expect(dated(text)).toEqual(['2022-02-05', 'text']);
  });

  it('weekday stamps in month-day-year and day-month-year order, with a time', () => {
    expect(dated(`World\n\nTuesday, March 8, 2022 | 15:35\n\n${BODY}`)).toEqual(['2022-03-08', 'text']);
    expect(dated(`Thursday 25 July 2024 - 12:15\n\nUS Should Not Undermine Trade Relations\n\n${BODY}`)).toEqual(['2024-07-25', 'text']);
    expect(dated(`Last modified on Mon 7 Mar 2022 12.00 GMT\n\n${BODY}`)).toEqual(['2022-03-07', 'text']);
  });

  it('ISO, dotted day-first and abbreviated-month stamps', () => {
    expect(dated(`Lavrov arrives in China\n\nWorld News\n\n2024-04-08 | 01:05\n\n${BODY}`)).toEqual(['2024-04-08', 'text']);
    expect(dated(`Published: 12.05.2023, 10:45\n\n${BODY}`)).toEqual(['2023-05-12', 'text']);
    expect(dated(`Over phone call, Xi discusses Ukraine conflict with Putin\n\nJun 15, 2022\n\n${BODY}`)).toEqual(['2022-06-15', 'text']);
    expect(dated(`By Zhang Yi | chinadaily.com.cn | Updated: 2022-03-07 16:35\n\n${BODY}`)).toEqual(['2022-03-07', 'text']);
    expect(dated(`Kyiv • Oct. 24, 2024 • 3 min read\n\n${BODY}`)).toEqual(['2024-10-24', 'text']);
  });

  it('an agency and a place beside the stamp, the year-less wire dateline below it adding nothing', () => {
    expect(dated(`Putin talks with Xi completed\n\nReuters | Moscow | Updated: 21-03-2023 00:34 IST\n\n${BODY}`)).toEqual(['2023-03-21', 'text']);
    const people = `Xi's Russia trip to advance friendship, cooperation, peace: spokesperson\n(Xinhua) 16:15, March 17, 2023\nBEIJING, March 17 (Xinhua) -- Chinese President Xi Jinping's upcoming visit to Russia will be a trip of friendship, cooperation and peace, the spokesperson said on Friday.`;
    expect(dated(people)).toEqual(['2023-03-17', 'text']);
  });

  it('a "Published" stamp wins over an "Updated" one, whichever comes first', () => {
    expect(dated(`Updated: 9 March 2022 08:00 GMT\n\nPublished: 7 March 2022 16:35 GMT\n\n${BODY}`)).toEqual(['2022-03-07', 'text']);
    expect(dated(`Published : Mar 7, 2022 - 16:35  Updated : Mar 8, 2022 - 16:35\n\n${BODY}`)).toEqual(['2022-03-07', 'text']);
  });

  it('negative: a year-less stamp gives no date ("9 Jan. 16:00", "7 MAR, 16:35")', () => {
    expect(dated(`Lavrov arrives in Beijing\n\n9 Jan. 16:00\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`7 MAR, 16:35\n\n${BODY}`)).toEqual(['', 'none']);
  });

  it('negative: an impossible date ("31 February 2022") and an ambiguous one ("07/03/2022") give no date', () => {
    expect(dated(`Talks in Beijing\n\n31 February 2022\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`Published on 07/03/2022 - 16:35\n\n${BODY}`)).toEqual(['', 'none']);
  });

  it('negative: a flagged photo caption and a caption sentence never date the article', () => {
    const flagged = `Xi and Putin meet\n\nChinese President Xi Jinping and Russian President Vladimir Putin pose in Beijing, Friday, Feb. 4, 2022. (AP/Alexei Druzhinin)\n\n${BODY}`;
    const a = articleFromText(flagged);
    expect(a.paragraphs[1]!.caption).toBe(true);
    expect([a.published, a.date_basis]).toEqual(['', 'none']);
    const unflagged = `REUTERS\n\nChinese President Xi Jinping, right, and Russian President Vladimir Putin talk during their meeting in Beijing, China, Friday, Feb. 4, 2022. (Kremlin Pool Photo via AP)\n\n${BODY}`;
    expect(dated(unflagged)).toEqual(['', 'none']);
  });

  it('negative: a date inside a body sentence or a headline is a reported event, not the publication date', () => {
    expect(dated(`Putin and Biden meet\n\nThe talks on June 16, 2021 in Geneva were the first between the two presidents, officials said.\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`Talks on June 16, 2021\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`Xi, Putin Meet In Beijing On February 4, 2022\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`March 23, 2021 was the day the ministers met in Guilin.\n\n${BODY}`)).toEqual(['', 'none']);
  });

  it('negative: a date line far down the page (past the top paragraphs) is not taken', () => {
    const prose = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1} of the story reports what the two ministers said about trade, energy and security in the region this week.`);
    expect(dated(`${prose.join('\n\n')}\n\nMarch 3, 2022 | 10:15\n\nRead more`)).toEqual(['', 'none']);
  });
});

describe('opening datelines', () => {
  it('"PLACE, D Month YYYY (AGENCY) –" opening the first paragraph', () => {
    expect(dated(`Moscow, 12 May 2023 (Xinhua) – Russian Foreign Minister Sergey Lavrov said on Friday that ties with China were at their best.\n\n${BODY}`)).toEqual(['2023-05-12', 'text']);
  });

  it('the dateline of the first prose paragraph, below navigation and share lines', () => {
    const text = `Global Edition\n\nChina\n\nHome / China / National affairs\n\nDefense ministers hold video talks\n\nShare\n\nShare - WeChat\n\nBEIJING, Nov. 23, 2021 (Xinhua) -- Chinese Defense Minister Wei Fenghe held talks via video link with Sergei Shoigu.\n\n${BODY}`;
    expect(dated(text)).toEqual(['2021-11-23', 'text']);
  });

  it('"Month D , YYYY (AGENCY)—" with odd spacing and no place', () => {
    expect(dated(`China backs talks\n\nJune 3 , 2022 (ANI)—China on Friday called for dialogue between Russia and Ukraine to end the conflict.\n\n${BODY}`)).toEqual(['2022-06-03', 'text']);
  });

  it('"PLACE, Month D, YYYY (Reuters) -" in a wire story', () => {
    expect(dated(`MOSCOW, March 20, 2023 (Reuters) - The Kremlin said on Monday that the visit showed relations were at their highest point.\n\n${BODY}`)).toEqual(['2023-03-20', 'text']);
  });

  it('negative: a year-less dateline ("BEIJING, FEB 28 -", "Beijing [China], June 15 :") gives no date', () => {
    expect(dated(`China says envoy to visit Ukraine\n\n(ANSA-AFP) - BEIJING, FEB 28 - China's Eurasia envoy Li Hui will this week visit Russia, Ukraine and the EU.\n\n${BODY}`)).toEqual(['', 'none']);
    expect(dated(`Beijing [China], June 15 : Chinese President Xi Jinping on Wednesday held a phone conversation with Vladimir Putin.\n\n${BODY}`)).toEqual(['', 'none']);
  });

  it('negative: a sentence opening with a date and a dash is no dateline', () => {
    expect(dated(`On June 16, 2021 - the day of the Geneva summit - Putin said relations with China were strong.\n\n${BODY}`)).toEqual(['', 'none']);
  });

  it('negative: an impossible date in a dateline gives no date', () => {
    expect(dated(`Moscow, 31 February 2022 (TASS) – Russian officials said the talks went well and would continue.\n\n${BODY}`)).toEqual(['', 'none']);
  });
});

describe('dates in URLs', () => {
  it.each([
    ['https://keyt.com/news/2023/03/16/china-foreign-minister-in-rare-call/', '2023-03-16'],
    ['https://japannews.yomiuri.co.jp/politics/defense-security/20221201-74197/', '2022-12-01'],
    ['https://hk.appledaily.com/news/20210325/UJFCSFARNBHVZNJP6I2INFKCPM/', '2021-03-25'],
    ['https://www.itv.com/news/2023-03-20/president-xi-jinping-makes-first-moscow-visit', '2023-03-20'],
    ['https://www.chinadaily.com.cn/a/202111/24/WS619d8c4ea310cdd39bc77230.html', '2021-11-24'],
    ['http://en.people.cn/n3/2024/0905/c90000-20214958.html', '2024-09-05'],
    ['https://www.b92.net/eng/news/world.php?dd=08&mm=03&nav_id=113230&yyyy=2022', '2022-03-08'],
    ['https://www.indianeconomicobserver.com/news/over-phone-call-xi-discusses-ukraine-conflict-with-putin20220615220428/', '2022-06-15'],
    ['https://eng.obozrevatel.com/section-war/china-reacts-to-statements-24-10-2024.html', '2024-10-24'],
  ])('%s gives %s', (url, date) => {
    expect(dateFromUrl(url)).toBe(date);
  });

  it.each([
    ['a year and month alone', 'https://indiandefensenews.in/2023/03/chinese-foreign-minister-hints-beijings.html'],
    ['an id that is no date', 'https://ajw-origin.potaufeu.asahi.com/ajw/articles/14541420'],
    ['an impossible date', 'https://example.com/news/2022/02/31/story'],
    ['a day and month that read both ways', 'https://example.com/world/story-05-10-2024.html'],
    ['a long numeric id', 'https://imamura-stg-dot-kiji2-dot-nordot-prod-us.appspot.com/1184082466381726276'],
  ])('negative: %s gives nothing', (_why, url) => {
    expect(dateFromUrl(url)).toBeUndefined();
  });

  it('a manifest or .jsonl URL dates an article the text does not date (basis "manifest")', () => {
    expect(dated(BODY, { url: 'https://www.anews.com.tr/world/2021/10/15/russia-china-launch-joint-naval-drill' })).toEqual(['2021-10-15', 'manifest']);
    expect(dated(BODY, { url: 'https://brusselssignal.eu/2023/08/chinese-ambassador-no-peace' })).toEqual(['', 'none']);
  });

  it('a date line on the page wins over the URL, the URL over an "Updated" stamp', () => {
    expect(dated(`Published: 7 March 2022\n\n${BODY}`, { url: 'https://example.com/2022/03/06/story' })).toEqual(['2022-03-07', 'text']);
    expect(dated(`Updated: 9 March 2022 08:00\n\n${BODY}`, { url: 'https://example.com/2022/03/06/story' })).toEqual(['2022-03-06', 'manifest']);
  });

  it('reads the url of manifest.csv rows and .jsonl lines', async () => {
    const corpus = await loadCorpus(
      tempCorpus({
        'a.txt': BODY,
        'manifest.csv': 'file,title,outlet,url,published\na.txt,T,O,https://example.com/news/2024/06/17/nato-chief,\n',
        'b.jsonl': JSON.stringify({ id: 'wire-1', text: BODY, url: 'https://example.com/20240411-lavrov/' }) + '\n',
      }),
    );
    expect(corpus.articles.map((a) => [a.article_id, a.published, a.date_basis])).toEqual([
      ['a', '2024-06-17', 'manifest'],
      ['wire-1', '2024-04-11', 'manifest'],
    ]);
  });
});

describe('HTML date metadata', () => {
  const page = (head: string, article: string) =>
    `<!doctype html><html><head><title>Lavrov in Beijing</title>${head}</head><body><main><article><h1>Lavrov in Beijing</h1>${article}${BODY.split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></main></body></html>`;

  it('a <time datetime> in the article, a JSON-LD datePublished, or the canonical URL', async () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Lavrov in Beijing', datePublished: '2024-04-09T08:00:00+08:00' })}</script>`;
    const corpus = await loadCorpus(
      tempCorpus({
        'time.html': page('', '<p class="meta">By Jane Doe <time datetime="2024-04-08T17:05:00Z">April 8</time></p>'),
        'jsonld.html': page(jsonLd, ''),
        'url.html': page('<link rel="canonical" href="https://example.com/world/2024/04/10/lavrov-beijing/">', ''),
        'none.html': page('<link rel="canonical" href="https://example.com/world/2024/04/lavrov-beijing/">', ''),
      }),
    );
    const got = Object.fromEntries(corpus.articles.map((a) => [a.article_id, [a.published, a.date_basis]]));
    expect(got).toEqual({ time: ['2024-04-08', 'text'], jsonld: ['2024-04-09', 'text'], url: ['2024-04-10', 'text'], none: ['', 'none'] });
  });
});

describe('the date-lines data file', () => {
  it('loads, and readDateLine reads a stamp into its dates and label', () => {
    const lex = loadDateLines();
    expect(readDateLine('Xinhua | Updated: 2021-11-24 08:50', lex)).toEqual({ stamps: [{ date: '2021-11-24', kind: 'updated' }], yearless: false });
    expect(readDateLine('BEIJING, FEB 28', lex)).toEqual({ stamps: [], yearless: true });
    expect(readDateLine('the talks on June 16, 2021', lex)).toBeUndefined();
  });

  it('openingDateline measures a wire dateline with its separator, in the agencies\' styles', () => {
    const lex = loadDateLines();
    const cut = (p: string) => p.slice(0, openingDateline(p, lex) ?? 0);
    expect(cut('BEIJING, March 30 (Xinhua) -- The China-Russia relationship consists of non-alliance')).toBe('BEIJING, March 30 (Xinhua) -- ');
    expect(cut('UNITED NATIONS, Feb. 25 (Xinhua) -- China\'s permanent representative to the United Nations Zhang Jun said Friday')).toBe('UNITED NATIONS, Feb. 25 (Xinhua) -- ');
    expect(cut('BEIJING/KYIV (Reuters) -Ukraine\u2019s top diplomat told China\u2019s foreign minister at talks')).toBe('BEIJING/KYIV (Reuters) -');
    expect(cut('BEIJING, May 26. /TASS/. China\'s partnership with Russia helps to overcome global challenges')).toBe('BEIJING, May 26. /TASS/. ');
    expect(cut('BEIJING/ MOSCOW/WASHINGTON--China and Russia on the opening day of the Winter Olympics declared')).toBe('BEIJING/ MOSCOW/WASHINGTON--');
  });

  it('openingDateline finds none in a speaker label, a sentence with a dash, or a place in lower case with no date or agency', () => {
    const lex = loadDateLines();
    expect(openingDateline('ANTONY BLINKEN: We will continue to support Ukraine for as long as it takes, and we said so.', lex)).toBeUndefined();
    expect(openingDateline("China's top diplomat — who met Lavrov twice this year — said the talks were candid and useful.", lex)).toBeUndefined();
    expect(openingDateline('Moscow — Russia must end the war now and withdraw its troops, the foreign minister said.', lex)).toBeUndefined();
  });

  it('refuses a URL pattern without the y, m and d groups, naming the file', () => {
    const dir = tempCorpus({
      'bad.yaml': 'version: 1\nwindow_paragraphs: 12\nmax_line_chars: 120\nmax_name_words: 6\nmax_name_run: 4\ndateline_paragraphs: 3\ndateline_min_words: 8\ndateline_prefix_chars: 100\ndateline_separator: "\\\\s-\\\\s"\nlabels: {published: [published], updated: [updated], credit: [by]}\nagencies: [AP]\nweekdays: [Monday]\ntime_zones: [GMT]\nurl:\n  patterns: [{pattern: "/(?<y>\\\\d{4})/(?<m>\\\\d{2})/"}]\n  query: {year: [y], month: [m], day: [d]}\n',
    });
    expect(() => loadDateLines(`${dir}/bad.yaml`)).toThrow(/bad\.yaml.*\n.*url\.patterns\[0\]\.pattern: must have the named groups y, m and d/);
  });
});
