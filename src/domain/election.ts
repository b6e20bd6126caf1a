import type { ElectionRules } from './ballot-rules.js';
import type { Tally } from './tally.js';

/**
 * Next year's leader and deputy (*Cụm trưởng, Cụm phó*): "elected by rotation at the year-end
 * review" by default: the unit after this year's leader in the regulation's order is proposed as
 * leader, the one after it as deputy, and the meeting confirms each by more than half of member
 * units (a second round between the top two when nobody reaches it).
 */

/** The proposal of the rotation: next leader and next deputy. */
export interface RotationProposal {
  leader: string;
  deputy: string;
}

/**
 * The order rotation walks: the regulation's codes (those still member units), then any member
 * unit the order leaves out, in the order units were added.
 */
export function rotationOrder(rules: ElectionRules, unitCodesInAddedOrder: readonly string[]): string[] {
  const listed = rules.rotation.filter((c) => unitCodesInAddedOrder.includes(c));
  return [...listed, ...unitCodesInAddedOrder.filter((c) => !listed.includes(c))];
}

/**
 * The next leader and deputy after `currentLeader` in `order` (from the start when there is no
 * leader or it is not in the order). Needs at least two units.
 */
export function proposeByRotation(order: readonly string[], currentLeader: string | null): RotationProposal | null {
  if (order.length < 2) return null;
  const at = currentLeader === null ? -1 : order.indexOf(currentLeader);
  const leader = order[(at + 1) % order.length]!;
  const deputy = order[(at + 2) % order.length]!;
  return { leader, deputy };
}

/** What a confirming round decides: the elected unit, a second round between two, or nobody. */
export type ElectionOutcome = { kind: 'elected'; code: string } | { kind: 'runoff'; codes: [string, string] } | { kind: 'none' };

/**
 * Reads an election round's tally (one seat): elected when one candidate passed; a tie (among
 * passed candidates) goes on as the tally says; nobody passed in the first round with at least two
 * candidates → a second round between the two with most votes (equal votes: the tally's order,
 * which follows the candidates' order); otherwise nobody.
 */
export function electionOutcome(t: Tally, round: number, maxRounds: number): ElectionOutcome {
  if (t.elected.length) return { kind: 'elected', code: t.elected[0]! };
  if (t.runoff && t.runoff.codes.length >= 2) return { kind: 'runoff', codes: [t.runoff.codes[0]!, t.runoff.codes[1]!] };
  if (round < maxRounds && t.rows.length >= 2) {
    const top = [...t.rows]
      .sort((a, b) => b.agree - a.agree)
      .slice(0, 2)
      .map((r) => r.code);
    return { kind: 'runoff', codes: [top[0]!, top[1]!] };
  }
  return { kind: 'none' };
}
