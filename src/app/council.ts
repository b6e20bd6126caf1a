import type { CouncilMember } from '../domain/ballot-rules.js';
import { UserError } from '../domain/errors.js';
import type { ClusterRules } from '../domain/rules.js';
import type { PersonRecord } from '../store/records.js';
import { personLabel, type CommandContext } from './context.js';

/**
 * The council (*hội đồng*) that votes instead of the member units (`/rules council …`): listed
 * persons, each someone who has joined the cluster (a representative or a secretary, so the bot
 * knows them and their private chat acts on the cluster). A word is `@username` (or a platform
 * mention) or a unit code, meaning that unit's one active representative.
 */

/** `none` / `khong`: no council; the member units vote again. */
const NONE = new Set(['none', 'khong']);

/** The person a word names, among the cluster's active roles; a UserError when none or unclear. */
async function personFor(ctx: CommandContext, clusterId: number, word: string): Promise<PersonRecord> {
  const roles = await ctx.db.role.findMany({
    where: { clusterId, status: 'active' },
    include: { person: true, unit: true },
    orderBy: { id: 'asc' },
  });
  if (word.startsWith('@') || word.includes(':')) {
    const name = word.replace(/^@/, '').toLowerCase();
    const role = roles.find((r) => r.person.key === word || r.person.username?.toLowerCase() === name);
    if (!role) throw new UserError('error-council-person', { name: word });
    return role.person;
  }
  const reps = roles.filter((r) => r.kind === 'representative' && r.unit?.code === word.toUpperCase());
  if (reps.length !== 1) throw new UserError('error-council-unit', { code: word.toUpperCase(), count: reps.length });
  return reps[0]!.person;
}

/**
 * The council from the words after `/rules council` (and the command's mentions), each person
 * once, with the unit they represent in the cluster (for the self-vote rule); voters become the
 * council. `none` clears it and the member units vote again.
 *
 * @throws UserError `error-council-*` when a word names nobody in the cluster, or someone twice
 */
export async function withCouncil(ctx: CommandContext, rules: ClusterRules, clusterId: number, words: string[]): Promise<ClusterRules> {
  if (words.length === 1 && NONE.has(words[0]!.toLowerCase())) return { ...rules, vote: { ...rules.vote, voters: 'members', council: [] } };
  // A platform mention with a key names its person by key; its typed `@username` is then not read again.
  const keyed = (ctx.incoming.mentions ?? []).filter((m) => m.key);
  const mentioned = keyed.map((m) => m.key!);
  const typed = words.filter((w) => !keyed.some((m) => m.username && `@${m.username}`.toLowerCase() === w.toLowerCase()));
  const targets = [...mentioned, ...typed];
  if (!targets.length) throw new UserError('usage-council');
  const council: CouncilMember[] = [];
  for (const word of targets) {
    const person = await personFor(ctx, clusterId, word);
    if (council.some((m) => m.personId === person.id)) throw new UserError('error-council-twice', { name: personLabel(person) });
    const rep = await ctx.db.role.findFirst({
      where: { clusterId, personId: person.id, kind: 'representative', status: 'active', unitId: { not: null } },
      include: { unit: true },
    });
    const unit = rep?.unit?.code ?? null;
    council.push({ personId: person.id, name: unit ? `${personLabel(person)} – ${unit}` : personLabel(person), unit });
  }
  return { ...rules, vote: { ...rules.vote, voters: 'council', council } };
}
