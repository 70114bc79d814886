import type { TradecraftSeverity } from '../../src/tradecraft';

/** How each severity shows: a shape and a word as well as a colour, so it never rests on colour alone. */
export const SEVERITY_LABELS: Readonly<Record<TradecraftSeverity, { name: string; plural: string; icon: string }>> = {
  error: { name: 'Error', plural: 'errors', icon: '✖' },
  warning: { name: 'Warning', plural: 'warnings', icon: '▲' },
};

const ORDER: readonly TradecraftSeverity[] = ['error', 'warning'];

/** Errors first, then warnings; within a severity, the order the checks gave. */
export function bySeverity<T extends { severity: TradecraftSeverity }>(items: readonly T[]): T[] {
  return ORDER.flatMap((severity) => items.filter((item) => item.severity === severity));
}

/** "2 errors", "1 warning": one entry per severity present. */
export function problemCounts(
  items: readonly { severity: TradecraftSeverity }[],
): { severity: TradecraftSeverity; count: number; label: string }[] {
  return ORDER.map((severity) => {
    const count = items.filter((item) => item.severity === severity).length;
    const { name, plural } = SEVERITY_LABELS[severity];
    return { severity, count, label: `${count} ${count === 1 ? name.toLowerCase() : plural}` };
  }).filter((entry) => entry.count > 0);
}
