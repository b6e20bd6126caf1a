/**
 * What the platform benches share: the 13-unit Mekong cluster and the sample criteria table
 * (both from `examples/`), and one way to print latency figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Milliseconds as the benches print them. */
export const ms = (n: number, digits = 1): string => `${n.toFixed(digits)} ms`;

/** Prints p50, p99 and max of `latencies` (any order), and the rate when given. */
export function report(label: string, latencies: number[], rate?: number): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const figures = [`p50 ${ms(percentile(sorted, 50))}`, `p99 ${ms(percentile(sorted, 99))}`, `max ${ms(sorted.at(-1) ?? 0)}`];
  console.log(`${label}: ${sorted.length} messages${rate ? ` → ${rate.toFixed(0)} messages/s` : ''}; ${figures.join(', ')}`);
}

/** The Mekong cluster's 13 units as `[code, name]`, from `examples/units-mekong.txt`. */
export const MEKONG: (readonly [string, string])[] = readFileSync(resolve('examples/units-mekong.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => [line.split(' ')[0]!, line.split(' ').slice(1).join(' ')] as const);

/** The criteria table of the sample CSV as a `/criteria` body, and its scored criteria. */
export function sampleCriteria(): { body: string; scored: (readonly [string, number])[] } {
  const csv = readFileSync(resolve('examples/criteria-home-affairs.csv'), 'utf8');
  const rows = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
  const body = rows
    .map(([code, title, max, kind]) =>
      kind === 'section' ? `${code} | ${title}` : `${code} | ${title} | ${max}${kind === 'criterion' ? '' : ` | ${kind}`}`,
    )
    .join('\n');
  return { body, scored: rows.filter((r) => r[3] === 'criterion').map((r) => [r[0]!, Number(r[2])] as const) };
}
