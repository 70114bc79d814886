import type { Judgement } from '../domain/judgement';
import { findProbabilityPhrases } from './estimative-terms';
import type { TradecraftProblem } from './problem';
import { sentences, tokenize } from './tokens';

const LEVELS = new Set(['high', 'higher', 'moderate', 'medium', 'low', 'lower', 'little', 'limited', 'considerable']);

/**
 * Whether a sentence expresses confidence: "confident"/"confidently" anywhere, or "confidence"
 * with a level word (high, moderate, medium, low, little, limited, considerable) within four
 * words of it ("high confidence", "confidence in this is low"). "Confidence-building measures"
 * is not an expression of confidence, even beside a level word.
 */
export function expressesConfidence(sentence: string): boolean {
  const tokens = tokenize(sentence);
  const words = tokens.map((token) => token.word);
  return tokens.some((token, index) => {
    if (token.word === 'confident' || token.word === 'confidently') return true;
    // "confidence-building" is a compound, not a level of confidence.
    if (token.word !== 'confidence' || /^[-‐‑]/u.test(sentence.slice(token.end))) return false;
    return words.slice(Math.max(0, index - 4), index + 5).some((near) => LEVELS.has(near));
  });
}

/**
 * ICD 203: likelihood and confidence are not expressed in the same sentence (a reader takes
 * "we assess with high confidence that it is likely" as one blurred measure). Checked in the
 * statement and in the rationale, one problem per offending sentence.
 */
export function checkLikelihoodWithConfidence(judgement: Pick<Judgement, 'id' | 'statement' | 'rationale'>): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  for (const field of ['statement', 'rationale'] as const) {
    const text = judgement[field];
    for (const { start, end } of sentences(text)) {
      const sentence = text.slice(start, end);
      if (findProbabilityPhrases(sentence).length === 0 || !expressesConfidence(sentence)) continue;
      problems.push({
        code: 'likelihood-with-confidence',
        severity: 'warning',
        message: `This sentence of the ${field} gives both a likelihood and a confidence level: ICD 203 asks for them in separate sentences.`,
        location: { kind: 'judgement', judgementId: judgement.id, field, span: { start, end } },
      });
    }
  }
  return problems;
}
