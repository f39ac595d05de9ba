import { describe, expect, it } from 'vitest';
import { explorerBlocks, explorerOf } from '../src/report/explorer-page';
import fc from 'fast-check';
import { boundMarks, EXPLORER_MARK_ROWS, EXPLORER_MAX_ROWS, ExplorerTally, markKeys, type ExplorerKey } from '../src/tables/explorer';
import { TimelineTally } from '../src/tables/timeline';
import { ListedOnce } from '../src/tables/listed-once';

/** A statement of a generated corpus: speaker i % speakers, month by i, one or two themes. */
function statement(i: number, speakers: number): ExplorerKey {
  const sp = i % speakers;
  const year = 2021 + (i % 4);
  const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const speaker = `Speaker ${sp}`;
  return {
    statement_id: `a${Math.floor(i / 4)}#${i % 4}`,
    article_id: `a${Math.floor(i / 4)}`,
    date,
    outlet: `Outlet ${i % 40}`,
    speaker,
    speaker_country: ['CHN', 'RUS', 'USA', 'UKR', 'EU', ''][sp % 6]!,
    themes: i % 3 === 0 ? ['partnership', 'sanctions'] : ['multipolarity'],
    // Long text, cut to EXPLORER_TEXT.
    text: `${'word '.repeat(80)}${i}`,
    speaker_key: `speaker-${sp}`,
  };
}

describe('the explorer data', () => {
  it("holds each kept statement once in its state, however many marks list it, and merges back to the same marks", () => {
    const tally = new ExplorerTally();
    tally.add(statement(0, 1)); // two themes: year × country, speaker, month, and two marks per theme
    const state = tally.state();
    expect(state.rows.map((r) => r.statement_id)).toEqual(['a0#0']);
    expect(state.marks.map(([key, count, rows]) => [key.split('\t')[0], count, rows])).toEqual([
      ['yc', 1, [0]],
      ['sp', 1, [0]],
      ['tl', 1, [0]],
      ['ty', 1, [0]],
      ['tc', 1, [0]],
      ['ty', 1, [0]],
      ['tc', 1, [0]],
    ]);
    tally.add(statement(4, 1));
    expect(tally.state().rows.map((r) => r.statement_id)).toEqual(['a0#0', 'a1#0']);
    const merged = new ExplorerTally();
    merged.merge(JSON.parse(JSON.stringify(tally.state())));
    expect(merged.data(['speaker-0'])).toEqual(tally.data(['speaker-0']));
  });

  it('counts every statement of a mark and keeps its first ones', () => {
    const tally = new ExplorerTally();
    for (let i = 0; i < 100; i++) tally.add(statement(i, 2));
    const data = tally.data(['speaker-0']);
    // Speaker 0 said the even statements: 50, of which the first 20 are listed.
    const mark = data.marks[markKeys.speaker('speaker-0')]!;
    expect(mark.count).toBe(50);
    expect(mark.rows.map((i) => data.rows[i]!.statement_id)).toEqual(Array.from({ length: EXPLORER_MARK_ROWS }, (_, k) => `a${Math.floor((2 * k) / 4)}#${(2 * k) % 4}`));
    // A speaker not drawn has no mark.
    expect(data.marks[markKeys.speaker('speaker-1')]).toBeUndefined();
    // Year × country: statement i is from 2021 + i % 4 and country by speaker: CHN for speaker 0.
    expect(data.marks[markKeys.yearCountry('2021', 'CHN')]!.count).toBe(25);
    expect(data.marks[markKeys.yearCountry('2022', 'RUS')]!.count).toBe(25);
    expect(data.marks[markKeys.yearCountry('2021', 'RUS')]).toBeUndefined();
    expect(data.marks[markKeys.themeYear('partnership', '2021')]!.count).toBe(9);
    expect(data.rows.every((r) => r.text.length <= 240)).toBe(true);
  });

  it('merging the parts in order gives the tally of the whole', () => {
    const whole = new ExplorerTally();
    const [a, b] = [new ExplorerTally(), new ExplorerTally()];
    for (let i = 0; i < 300; i++) {
      whole.add(statement(i, 7));
      (i < 130 ? a : b).add(statement(i, 7));
    }
    a.merge(b.state());
    const speakers = ['speaker-0', 'speaker-3'];
    expect(a.data(speakers)).toEqual(whole.data(speakers));
  });

  it('stays bounded at 50,000 articles (200,000 statements by 5,000 speakers): at most EXPLORER_MAX_ROWS rows, under 1.5 MB in the page', () => {
    const tally = new ExplorerTally();
    const timeline = new TimelineTally();
    for (let i = 0; i < 200_000; i++) {
      // 61 speaker countries and 7 themes: about 700 year, country and theme marks, besides the speakers' and timeline's.
      const s = { ...statement(i, 5000), speaker_country: `C${i % 61}`, themes: [`theme${i % 7}`] };
      tally.add(s);
      timeline.add({ ...s, speaker_id: s.speaker_key, speaker_type: 'person', quote: s.text });
    }
    const window = { from: '2021-01-01', to: '2024-12-31' };
    const data = tally.data(Array.from({ length: 15 }, (_, i) => `speaker-${i}`), timeline.data(window));
    expect(data.rows.length).toBeLessThanOrEqual(EXPLORER_MAX_ROWS);
    expect(data.perMark).toBeLessThan(EXPLORER_MARK_ROWS);
    expect(data.perMark).toBeGreaterThan(0);
    // Every drawn mark keeps its whole count, and at most perMark rows.
    expect(data.marks[markKeys.speaker('speaker-0')]!.count).toBe(40);
    // C0 in 2021: i % 61 = 0 and i % 4 = 0.
    expect(data.marks[markKeys.yearCountry('2021', 'C0')]!.count).toBe(Math.ceil(200_000 / 244));
    expect(Object.values(data.marks).every((m) => m.rows.length <= data.perMark && m.count >= m.rows.length)).toBe(true);
    // The other speakers' timeline row: one mark a month, key "" (the generator's dates fall in 12 months: month and year both follow i).
    const others = Object.keys(data.marks).filter((k) => k.startsWith('tl\t') && k.endsWith('\t'));
    expect(others).toHaveLength(12);
    const page = explorerBlocks({}, data, 'tables');
    expect(page.length).toBeLessThan(1_500_000);
    // A chart page embeds its own marks only.
    const speakers = explorerOf(data, 'top-speakers');
    expect(Object.keys(speakers.marks)).toHaveLength(15);
    expect(speakers.rows.length).toBeLessThanOrEqual(15 * data.perMark);
  }, 60_000);

  it('the embedded data cannot end its script element: < > & are escaped', () => {
    const tally = new ExplorerTally();
    tally.add({ ...statement(0, 1), text: '</script><img src=x onerror=alert(1)>' });
    const page = explorerBlocks({}, tally.data(['speaker-0']), 'tables');
    expect(page).not.toContain('</script><img');
    expect(page).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
  });
});

describe('ListedOnce', () => {
  it('lists a value once per key, in the order first met; another key is listed apart', () => {
    const list = new ListedOnce<string>();
    expect(['China', 'Russia', 'China', 'China'].map((v) => list.indexOf(v))).toEqual([0, 1, 0, 0]);
    expect(list.values).toEqual(['China', 'Russia']);
    const byId = new ListedOnce<{ name: string }, number>();
    const wang = { name: 'Wang Yi' };
    expect([byId.indexOf(wang, 7), byId.indexOf({ name: 'Wang Yi' }, 8), byId.indexOf(wang, 7)]).toEqual([0, 1, 0]);
    expect(byId.values).toHaveLength(2);
  });
});

describe('boundMarks: rows per mark cut evenly to the page bound', () => {
  /** The definition: from perMarkMost down, one fewer row a mark while the distinct rows pass maxRows. */
  function perMarkByDefinition(picked: Map<string, { count: number; rows: string[] }>, most: number, max: number): number {
    const distinct = (n: number) => new Set([...picked.values()].flatMap((m) => m.rows.slice(0, n))).size;
    let n = most;
    while (n > 1 && distinct(n) > max) n--;
    return n;
  }

  it('keeps as many rows a mark as fit, and at least one: exact values', () => {
    const picked = new Map([
      ['a', { count: 3, rows: ['s1', 's2', 's3'] }],
      ['b', { count: 3, rows: ['s1', 's4', 's5'] }],
    ]);
    // First 2 rows of each: s1 s2 s4 (3 distinct); first 3: 5.
    expect(boundMarks(picked, 3, 4, (r) => r).perMark).toBe(2);
    expect(boundMarks(picked, 3, 5, (r) => r).perMark).toBe(3);
    expect(boundMarks(picked, 3, 4, (r) => r).marks).toEqual({ a: { count: 3, rows: [0, 1] }, b: { count: 3, rows: [0, 2] } });
    // Not even one row a mark fits: still one, the list cut at the bound.
    const one = boundMarks(picked, 3, 0, (r) => r);
    expect(one.perMark).toBe(1);
    expect(one.rows).toEqual([]);
  });

  it('gives the rows per mark of its definition on any marks', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 30 }).map((i) => `s${i}`), { maxLength: 12 }), { maxKeys: 8 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 40 }),
        (marks, most, max) => {
          const picked = new Map(Object.entries(marks).map(([k, rows]) => [k, { count: rows.length, rows: [...new Set(rows)] }]));
          expect(boundMarks(picked, most, max, (r) => r).perMark).toBe(perMarkByDefinition(picked, most, max));
        },
      ),
    );
  });
});
