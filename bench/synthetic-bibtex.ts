/** The import benchmark's deterministic BibTeX file, apart so tests and checks can build it without running the benchmark. */
import { Rng } from './prng';

const SURNAMES = ['Stoltenberg', 'M{\\"u}ller', 'Kim', 'Tanaka', 'Dupont', "O'Brien", 'Nakamura', "Garc{\\'i}a", 'Novak', 'Smith'];
const GIVEN = ['Jens', 'J{\\"o}rg', 'Min-jun', 'Yuki', 'Claire', 'Aoife', 'Hiroshi', "Luc{\\'i}a", 'Petra', 'John'];
const WORDS = [
  'NATO',
  'deterrence',
  'Pyongyang',
  'missile',
  'defence',
  'alliance',
  'Seoul',
  'Tokyo',
  'summit',
  'sanctions',
  'partnership',
  'security',
  'Asia-Pacific',
  'cyber',
  'maritime',
];
const TAGS = ['Actor/NATO', 'Actor/DPRK', 'Region/Asia-Pacific', 'Topic/Missile defence', 'Topic/Sanctions', 'Region/Europe'];

/** A deterministic BibTeX file of `count` distinct entries (no duplicates, so all are written). */
export function syntheticBibtex(count: number, seed = 2017): string {
  const rng = new Rng(seed);
  const parts = ['@string{nato = {North Atlantic Treaty Organization}}\n@string{kyodo = {Kyodo News}}\n'];
  for (let i = 0; i < count; i += 1) {
    const authors = Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(SURNAMES)}, ${rng.pick(GIVEN)}`).join(' and ');
    const title = Array.from({ length: rng.int(5, 10) }, () => rng.pick(WORDS)).join(' ');
    const tags = [rng.pick(TAGS), rng.pick(TAGS)].join(', ');
    const year = rng.int(1995, 2026);
    parts.push(
      `@article{entry${i},\n  title = {${title} \\& caf\\'e no. ${i}},\n  author = {${authors}},\n  journaltitle = ${rng.chance(0.5) ? 'nato' : 'kyodo'},\n  date = {${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}},\n  doi = {10.5555/bench.${i}},\n  url = {https://example.org/${year}/${i}.html},\n  keywords = {${tags}},\n  note = {Synthetic entry ${i}: ${title}.}\n}\n\n`,
    );
  }
  return parts.join('');
}
