/**
 * The tagger behind the text layer: wink-nlp with its English lite web model
 * (tokens, parts of speech in Universal Dependencies tags, lemmas). Kept behind this
 * file so the rest of the kit sees only `TokenLayer`; the model loads once per
 * thread, on first use.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | undefined;

function tagger(): Wink {
  // Sentence detection is left out: the tags are the same without it (checked on 37k tokens), and it costs a tenth.
  return (nlp ??= winkNLP(model, ['pos']));
}

/** One text's tokens as the tagger gives them, whitespace tokens included. */
export interface TaggedText {
  values: string[];
  pos: string[];
  lemmas: string[];
}

export function tag(text: string): TaggedText {
  const nlp = tagger();
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  return {
    values: tokens.out(its.value) as string[],
    pos: tokens.out(its.pos) as string[],
    // The typings of its.lemma ask for the model add-ons that `out` passes itself.
    lemmas: tokens.out(its.lemma as unknown as typeof its.value) as string[],
  };
}
