import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../src/domain/search';
import { parseSearchQuery } from '../../src/search/query';
import { wordSnippet } from '../../src/search/snippet';

function snippet(query: string, ...fields: string[]): string | null {
  return wordSnippet(fields, parseSearchQuery(query).phrases);
}

describe('word snippets cut from the row text', () => {
  it('marks every match of every word, case and diacritics folded as the index folds them', () => {
    expect(snippet('nato SEOUL', 'NATO chief lands in Seoul.')).toBe(`${S}NATO${E} chief lands in ${S}Seoul${E}`);
    expect(snippet('defense', 'La défense européenne')).toBe(`La ${S}défense${E} européenne`);
    expect(snippet('defense', 'Défense and defense')).toBe(`${S}Défense${E} and ${S}defense${E}`);
    expect(snippet('defence', 'DÉFENCE')).toBe(`${S}DÉFENCE${E}`);
  });

  it('marks phrases only where the words are consecutive, and prefixes on the last word', () => {
    expect(snippet('"missile defence"', 'missile test; missile defence plans')).toBe(`missile test; ${S}missile defence${E} plans`);
    expect(snippet('"missile defence"', 'defence of missile sites')).toBeNull();
    expect(snippet('miss*', 'Missiles and a mission')).toBe(`${S}Missiles${E} and a ${S}mission${E}`);
  });

  it('shows a window around the first match, with ellipses where the text goes on', () => {
    const words = Array.from({ length: 40 }, (_, index) => `w${index}`);
    words[20] = 'target';
    const cut = snippet('target', words.join(' '));
    expect(cut).toBe(`…w16 w17 w18 w19 ${S}target${E} w21 w22 w23 w24 w25 w26 w27 w28 w29…`);
    words[20] = 'w20';
    words[39] = 'target';
    expect(snippet('target', words.join(' '))).toBe(`…w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 ${S}target${E}`);
  });

  it('uses the first field that holds a match, and gives null when none does', () => {
    expect(snippet('tokyo', 'Title', 'Speaker in Tokyo')).toBe(`Speaker in ${S}Tokyo${E}`);
    expect(snippet('tokyo', 'Title', 'Speaker')).toBeNull();
    expect(snippet('', 'Anything')).toBeNull();
  });

  it('splits Latin words from CJK text as the indexer does, and leaves markup as text', () => {
    expect(snippet('nato', 'ストルテンベルグNATO事務総長')).toBe(`ストルテンベルグ${S}NATO${E}事務総長`);
    expect(snippet('img', '<img src=x onerror=alert(1)>')).toBe(`${S}img${E} src=x onerror=alert(1`);
  });
});
