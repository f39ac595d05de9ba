import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regexPrefilter } from '../src/annotators/themes/regex-literals';
import { compilePattern } from '../src/annotators/themes';

/** The prefilter's own test: every requirement has a term whose literals all occur in the lower-cased text. */
const meets = (prefilter: ReturnType<typeof regexPrefilter>, text: string) =>
  prefilter.every((terms) => terms.some((literals) => literals.every((l) => text.toLowerCase().includes(l))));

// The codebook's one regex pattern (codebook.yaml), as written there.
const BLAME = String.raw`\b(?:NATO|(?:the\s+)?(?:United\s+States|U\.S\.|US|West)|Washington|America)\s+(?:is|are|was|were|bears?|must\s+bear|should\s+bear)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:responsib\w*|accountable|to\s+blame)\s+for\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:crisis|conflict|war|escalation|tensions?)\b`;

describe('regexPrefilter: the literals every match of a regex holds', () => {
  it('reads runs, alternations and required groups, and nothing from optional parts, classes or lookarounds', () => {
    expect(regexPrefilter(String.raw`\bsanction(?:s|ed)?\s+(?:on|against)\s+Russia`, 'giu')).toEqual([[['sanction']], [['on'], ['against']], [['russia']]]);
    // Optional, zero-or-more, a class, an escape and a lookahead need nothing; {1,3} needs its body.
    expect(regexPrefilter(String.raw`(?:the\s+)?[A-Z]\w*(?=ally)(?:pact){1,3}`, 'giu')).toEqual([[['pact']]]);
    // Each branch gives its literals; a branch needing nothing leaves the alternation without a requirement.
    expect(regexPrefilter(String.raw`(?:partner|\w+ship)\s+deal`, 'giu')).toEqual([[['partner'], ['ship']], [['deal']]]);
    expect(regexPrefilter(String.raw`(?:partner|\w+)\s+deal`, 'giu')).toEqual([[['deal']]]);
    expect(regexPrefilter(String.raw`\w+\s+\d+`, 'giu')).toEqual([]);
  });

  it("gives the codebook's regex the literals its sentences must hold", () => {
    expect(regexPrefilter(BLAME, 'giu')).toEqual([
      [['nato'], ['united', 'states'], ['u.s.'], ['us'], ['west'], ['washington'], ['america']],
      [['is'], ['are'], ['was'], ['were'], ['bear'], ['must', 'bear'], ['should', 'bear']],
      [['responsib'], ['accountable'], ['to', 'blame']],
      [['for']],
      [['crisis'], ['conflict'], ['war'], ['escalation'], ['tension']],
    ]);
    const pattern = compilePattern(`/${BLAME}/`);
    expect(pattern.find('The United States is fully responsible for the Ukraine crisis.', [])).toEqual([{ start: 0, end: 61 }]);
    // Without "responsible", "accountable" or "blame" the regex is not run, and nothing is found.
    expect(pattern.find('The United States is fully committed to the Ukraine crisis talks.', [])).toEqual([]);
  });

  it('is sound: whenever the regex matches a text, the text meets its prefilter', () => {
    const words = ['NATO', 'the', 'United', 'States', 'U.S.', 'US', 'West', 'is', 'are', 'bears', 'must', 'bear', 'fully', 'not', 'responsibility', 'Accountable', 'to', 'blame', 'for', 'Ukraine', 'crisis', 'war', 'tensions', 'sanctioned', 'sanction', 'on', 'against', 'Russia'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(' '));
    const regexes = [BLAME, String.raw`\bsanction(?:s|ed)?\s+(?:on|against)\s+Russia`, String.raw`(?:must|should)\s+bear\s+(?:the\s+)?blame`];
    for (const source of regexes) {
      const regex = new RegExp(source, 'iu');
      const prefilter = regexPrefilter(source, 'iu');
      fc.assert(fc.property(text, (t) => !regex.test(t) || meets(prefilter, t)));
    }
  });
});
