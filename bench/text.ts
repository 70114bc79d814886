import { type Rng, WeightedPicker, zipfWeights } from './prng';
import {
  CHINESE_PHRASES,
  COLLOCATIONS,
  DOMAIN_WORDS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  GENERAL_WORDS,
  JAPANESE_PHRASES,
  KOREAN_PHRASES,
  LAST_NAMES,
  NAME_CODAS,
  NAME_ONSETS,
  NAME_VOWELS,
  TOP_WORDS,
} from './vocabulary';

export type CjkLanguage = 'ja' | 'zh' | 'ko';

/** Synthetic proper nouns (people, places, units): the long tail of the Zipf ranking. */
const NAME_COUNT = 3000;
/** Near-unique tokens (hull numbers, surnames, code names): each occurs a handful of times. */
const RARE_COUNT = 20_000;
/** Chance that a word slot is filled with a fixed collocation ("ballistic missile"). */
const COLLOCATION_RATE = 0.05;
/** Chance per quote of one near-unique token. */
const RARE_RATE = 0.05;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllable(rng: Rng): string {
  return `${rng.pick(NAME_ONSETS)}${rng.pick(NAME_VOWELS)}${rng.pick(NAME_CODAS)}`;
}

/**
 * Text in the register of an analyst's library. Words are drawn by a Zipf–Mandelbrot law over
 * a ranked vocabulary (~4,300 words: function words and the case's key terms first, then
 * general English, then invented names), plus collocations and near-unique tokens.
 */
export class TextGenerator {
  /** The ranked vocabulary, most frequent first. */
  readonly ranked: readonly string[];
  /** Tokens that occur only a few times each in a full-size library. */
  readonly rare: readonly string[];
  private readonly words: WeightedPicker<string>;
  private readonly collocations: WeightedPicker<string>;

  constructor(private readonly rng: Rng) {
    const seen = new Set<string>();
    const take = (list: readonly string[]): string[] =>
      list.filter((word) => {
        const key = word.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const top = take(TOP_WORDS);
    const rest = rng.shuffle([...take(FUNCTION_WORDS), ...take(DOMAIN_WORDS), ...take(GENERAL_WORDS)]);
    // Function words still rank high: move them to the front half of the shuffled rest.
    const functionSet = new Set<string>(FUNCTION_WORDS);
    rest.sort((a, b) => Number(!functionSet.has(a)) - Number(!functionSet.has(b)) || 0);
    const names: string[] = [];
    while (names.length < NAME_COUNT) {
      const name = capitalise(`${syllable(rng)}${syllable(rng)}`);
      if (seen.has(name.toLowerCase()) || name.length < 4) continue;
      seen.add(name.toLowerCase());
      names.push(name);
    }
    this.ranked = [...top, ...rest, ...names];
    this.words = new WeightedPicker(this.ranked, zipfWeights(this.ranked.length, 1.0, 2.7));
    this.collocations = new WeightedPicker(COLLOCATIONS, zipfWeights(COLLOCATIONS.length, 0.9, 3));
    const rare: string[] = [];
    while (rare.length < RARE_COUNT) {
      const token = `${syllable(rng)}${syllable(rng)}${syllable(rng)}`;
      if (seen.has(token) || token.length < 6) continue;
      seen.add(token);
      rare.push(token);
    }
    this.rare = rare;
  }

  word(): string {
    return this.words.pick(this.rng);
  }

  /** One sentence of roughly `target` characters (at least two words), ending with a full stop. */
  sentence(target: number, maxLength = Infinity): string {
    const parts: string[] = [];
    let length = 0;
    while (length < target || parts.length < 2) {
      let next = this.rng.chance(COLLOCATION_RATE) ? this.collocations.pick(this.rng) : this.word();
      if (parts.length > 2 && this.rng.chance(0.06)) next = `${next},`;
      if (length + next.length + 2 > maxLength && parts.length >= 2) break;
      parts.push(next);
      length += next.length + 1;
    }
    const last = parts.length - 1;
    parts[last] = (parts[last] as string).replace(/,$/, '');
    parts[0] = capitalise(parts[0] as string);
    return `${parts.join(' ')}.`;
  }

  /** Quote text: 30–300 characters, one to three sentences, log-normal lengths around 110. */
  quote(): string {
    const target = Math.round(Math.min(300, Math.max(30, Math.exp(this.rng.normal(Math.log(110), 0.55)))));
    const sentences: string[] = [];
    let length = 0;
    while (length < target - 15) {
      const remaining = target - length;
      const sentence = this.sentence(Math.min(remaining, this.rng.int(50, 140)), 300 - length - 1);
      sentences.push(sentence);
      length += sentence.length + 1;
    }
    let text = sentences.join(' ');
    if (this.rng.chance(RARE_RATE)) text = `${text.replace(/\.$/, '')} ${this.rng.pick(this.rare)}.`;
    return text.length > 300 ? `${text.slice(0, 299).replace(/\s+\S*$/, '')}.` : text;
  }

  /** A quote in Japanese, Chinese or Korean (20–120 characters). */
  cjkQuote(language: CjkLanguage): string {
    const target = this.rng.int(20, 120);
    const phrases = language === 'ja' ? JAPANESE_PHRASES : language === 'zh' ? CHINESE_PHRASES : KOREAN_PHRASES;
    const parts: string[] = [];
    let length = 0;
    while (length < target) {
      let phrase: string = this.rng.pick(phrases);
      if (this.rng.chance(0.04)) phrase = this.rng.pick(['NATO', 'ICBM', 'SLBM', 'THAAD', 'EEZ']);
      if (parts.length > 1 && this.rng.chance(0.15)) phrase = `${phrase}${language === 'ko' ? ',' : language === 'ja' ? '、' : '，'}`;
      parts.push(phrase);
      length += phrase.length;
    }
    return `${parts.join(language === 'ko' ? ' ' : '')}${language === 'ko' ? '.' : '。'}`;
  }

  personName(): string {
    return `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(LAST_NAMES)}`;
  }

  /** A headline-like title: 4–14 words without a full stop. */
  headline(): string {
    return this.sentence(this.rng.int(30, 90), 140).replace(/\.$/, '');
  }

  cjkTitle(language: CjkLanguage): string {
    return this.cjkQuote(language).slice(0, this.rng.int(12, 40));
  }
}
