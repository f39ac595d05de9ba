import { beforeAll, describe, expect, it } from 'vitest';
import { estimateHtmlDepth, MAX_HTML_DEPTH } from '../src/corpus/html';
import { loadCorpus, type Article } from '../src/corpus';
import { tempCorpus } from './helpers';

/** A realistic article page: navigation, scripts, a figure with caption and credit, metadata in the head. */
const PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>China and Russia sign pact | World News Daily</title>
<meta property="og:site_name" content="World News Daily">
<meta property="article:published_time" content="2023-03-21T09:30:00Z">
<link rel="canonical" href="https://news.example.com/world/china-russia-pact">
<script>var tracker = "SCRIPT_IN_HEAD"; window.dataLayer = [];</script>
<style>.nav { color: red } /* STYLE_TEXT */</style>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>China and Russia sign pact</h1>
<p class="byline">By Jane Doe</p>
<p>Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement in Moscow on Tuesday, pledging to deepen their strategic partnership.</p>
<figure><img src="/img/xi-putin.jpg" alt=""><figcaption>Xi Jinping and Vladimir Putin shake hands in the Kremlin. (AP/Pool)</figcaption></figure>
<p>"Our relations are at the highest level in their history," Putin told reporters after the talks, according to state media.</p>
<script>document.write("SCRIPT_IN_BODY")</script>
<p>The two leaders discussed the war in Ukraine, trade in energy and a new gas pipeline, officials in Beijing said.</p>
</article></main>
<footer><p>© 2023 World News Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

const readPage = async (files: Record<string, string>) => loadCorpus(tempCorpus(files));

describe('HTML article pages', () => {
  let article: Article;
  let skipped: unknown[];
  beforeAll(async () => {
    const corpus = await readPage({ 'page.html': PAGE });
    skipped = corpus.skipped;
    article = corpus.articles[0]!;
  });

  it('reads the page, id from the file name', () => {
    expect(skipped).toEqual([]);
    expect([article.article_id, article.file]).toEqual(['page', 'page.html']);
  });

  it('the text has the headline and paragraphs, in order, one paragraph each', () => {
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual([
      'China and Russia sign pact',
      'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement in Moscow on Tuesday, pledging to deepen their strategic partnership.',
      'Xi Jinping and Vladimir Putin shake hands in the Kremlin.',
      '"Our relations are at the highest level in their history," Putin told reporters after the talks, according to state media.',
      'The two leaders discussed the war in Ukraine, trade in energy and a new gas pipeline, officials in Beijing said.',
    ]);
  });

  it('no script, style, navigation or footer text reaches the article', () => {
    for (const junk of ['SCRIPT_IN_HEAD', 'SCRIPT_IN_BODY', 'STYLE_TEXT', 'dataLayer', 'Home', 'Sport', 'Privacy policy', 'All rights reserved']) {
      expect(article.text).not.toContain(junk);
    }
  });

  it('the figcaption is a flagged caption paragraph, its credit removed; prose paragraphs are not captions', () => {
    expect(article.paragraphs.map((p) => p.caption)).toEqual([false, false, true, false, false]);
    expect(article.removed.map((r) => [r.rule, r.text])).toEqual([
      ['byline', 'By Jane Doe'],
      ['photo-credit-parenthesised', '(AP/Pool)'],
    ]);
  });

  it('metadata from the head: published (basis "text"), outlet from og:site_name, url from the canonical link, title from the headline', () => {
    expect([article.published, article.date_basis, article.outlet, article.url, article.title]).toEqual([
      '2023-03-21',
      'text',
      'World News Daily',
      'https://news.example.com/world/china-russia-pact',
      'China and Russia sign pact',
    ]);
  });

  it('a manifest row wins over the page metadata', async () => {
    const corpus = await readPage({ 'page.html': PAGE, 'manifest.csv': 'file,title,outlet,url,published\npage.html,Pact signed,Wire,,2023-03-22\n' });
    const a = corpus.articles[0]!;
    expect([a.published, a.date_basis, a.outlet, a.title, a.url]).toEqual(['2023-03-22', 'manifest', 'Wire', 'Pact signed', 'https://news.example.com/world/china-russia-pact']);
  });

  it('a page without date metadata has published "" and basis "none"', async () => {
    const undated = PAGE.replace(/<meta property="article:published_time"[^>]*>/, '');
    const a = (await readPage({ 'page.htm': undated })).articles[0]!;
    expect([a.published, a.date_basis]).toEqual(['', 'none']);
  });

  it('a page with no text at all is skipped with a reason', async () => {
    const corpus = await readPage({ 'shell.html': '<html><head><script>app()</script></head><body><div id="root"></div></body></html>', 'ok.txt': 'Xi met Putin.' });
    expect(corpus.skipped).toEqual([{ file: 'shell.html', reason: 'no article body found in the HTML' }]);
    expect(corpus.articles.map((a) => a.file)).toEqual(['ok.txt']);
  });
});

describe('deeply nested HTML', () => {
  const nest = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>Deep text about China and Russia in a nested page.</p>${'</div>'.repeat(depth)}</body></html>`;

  it('5,000 nested divs: skipped with a reason, quickly, and the run goes on', async () => {
    const corpus = await readPage({ 'deep.html': nest(5000), 'ok.txt': 'Xi met Putin.' });
    expect(corpus.skipped).toEqual([
      {
        file: 'deep.html',
        reason: `HTML elements are nested about 5000 levels deep (limit ${MAX_HTML_DEPTH}); refused, as no news page nests that deep and parsing it would take minutes`,
      },
    ]);
    expect(corpus.articles.map((a) => a.file)).toEqual(['ok.txt']);
  });

  it('100 nested divs (a bloated but real page) are read', async () => {
    const corpus = await readPage({ 'bloated.html': nest(100) });
    expect(corpus.skipped).toEqual([]);
    expect(corpus.articles[0]!.text).toBe('Deep text about China and Russia in a nested page.');
  });

  it('the depth estimate ignores void elements, optional end tags, comments and script contents', () => {
    expect(estimateHtmlDepth('<div><p>a<p>b<br><img src="a/b"><span/><ul><li>x<li>y</ul></div>')).toBe(2);
    expect(estimateHtmlDepth(`<!-- ${'<div>'.repeat(500)} --><script>"${'<div>'.repeat(500)}"</script><div></div>`)).toBe(1);
    expect(estimateHtmlDepth('<div>'.repeat(300))).toBe(300);
  });
});
