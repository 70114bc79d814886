import { groupedDigits } from './grouped-digits';

/** A count and its noun in the right number: “1 source”, “0 sources”, “1,204 quotes”. */
export function countNoun(count: number, one: string, many: string): string {
  return `${groupedDigits(count)} ${count === 1 ? one : many}`;
}
