import { asRound, type RoundRecord as Round, type TermRecord as Term, type UnitRecord as Unit } from '../../store/records.js';
import { normaliseCode } from '../../domain/criteria.js';
import { checkEvidence } from '../../domain/evidence.js';
import { UserError, type LineProblem } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/dates.js';
import { writeAudit } from '../../store/audit.js';
import { addEvidence, evidenceFiles, listEvidence, type EvidenceInfo } from '../../store/evidence.js';
import { isSecretary, representedUnitIds, requireCluster, requireRepresentedUnit, rulesOf, type CommandContext } from '../context.js';
import { detectEvidenceType, sha256 } from '../evidence-files.js';
import { findActiveRound, requireCriteria, requireOpenTerm, requireUnit, splitFirst } from '../lookups.js';
import type { Reply } from '../../reply.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * May this person read a unit's evidence: the unit's own representatives, the secretary, the
 * year's leader unit, and the units assigned to review it in the round. Never another unit.
 */
async function mayRead(ctx: CommandContext, term: Term, round: Round, unitId: number): Promise<boolean> {
  if (isSecretary(ctx)) return true;
  const mine = representedUnitIds(ctx);
  if (mine.includes(unitId)) return true;
  if (term.leaderUnitId !== null && mine.includes(term.leaderUnitId)) return true;
  if (!mine.length) return false;
  return (await ctx.db.reviewerAssignment.count({ where: { roundId: round.id, unitId, reviewerUnitId: { in: mine } } })) > 0;
}

/** The round evidence is read from: the one in progress, else the latest. */
async function roundToRead(ctx: CommandContext, termId: number): Promise<Round> {
  const active = await findActiveRound(ctx.db, termId);
  if (active) return active;
  const latest = await ctx.db.round.findFirst({ where: { termId }, orderBy: { id: 'desc' } });
  if (!latest) throw new UserError('error-no-round');
  return asRound(latest);
}

/** The list of a criterion's files, as a reply. */
function listReply(timezone: string, unit: Unit, code: string, files: EvidenceInfo[], header = 'evidence-list'): Reply {
  return {
    text: [{ key: files.length ? header : 'evidence-none', args: { unit: unit.code, code, count: files.length } }],
    ...(files.length
      ? {
          table: {
            headers: [{ key: 'col-evidence-file' }, { key: 'col-evidence-size' }, { key: 'col-evidence-time' }],
            rows: files.map((f) => [f.fileName, `${Math.max(1, Math.round(f.size / 1024))} KB`, formatDateTime(f.createdAt, timezone)]),
          },
        }
      : {}),
  };
}

/**
 * `/evidence CRITERION` (`/minhchung`) with files attached: a representative attaches evidence
 * (minh chứng) to one criterion of the unit's sheet in the round in progress; each file is
 * checked by content against the cluster's limits (`/rules evidence`), and one bad file stores
 * nothing. `/evidence CRITERION` alone lists the unit's files of it; `/evidence UNIT CRITERION`
 * lets the unit, its reviewers, the secretary and the leader read them: the files come back.
 */
export const evidence: Command = {
  name: 'evidence',
  alias: 'minhchung',
  who: 'member',
  scope: 'any',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const [first, rest] = splitFirst(ctx.incoming.args);
    if (!first) throw new UserError('usage-evidence');
    const files = ctx.incoming.attachments ?? [];
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const criteria = await requireCriteria(ctx.db, term.id);
    const criterionOf = (code: string) => {
      const found = criteria.find((c) => c.code === normaliseCode(code) && c.kind !== 'section');
      if (!found) throw new UserError('error-unknown-criterion', { code });
      return found;
    };
    if (rest) {
      if (files.length) throw new UserError('usage-evidence');
      const unit = await requireUnit(ctx.db, cluster.id, first);
      const criterion = criterionOf(rest);
      const round = await roundToRead(ctx, term.id);
      if (!(await mayRead(ctx, term, round, unit.id))) throw new UserError('error-evidence-forbidden', { unit: unit.code });
      const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
      const stored = sheet ? await evidenceFiles(ctx.db, sheet.id, criterion.id) : [];
      return [
        listReply(cluster.timezone, unit, criterion.code, stored),
        ...stored.map((f) => ({ file: { fileName: f.fileName, mimeType: f.mimeType, bytes: new Uint8Array(f.bytes) } })),
      ];
    }
    const { unit } = await requireRepresentedUnit(ctx);
    const criterion = criterionOf(first);
    if (!files.length) {
      const round = await roundToRead(ctx, term.id);
      const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
      return [listReply(cluster.timezone, unit, criterion.code, sheet ? await listEvidence(ctx.db, sheet.id, criterion.id) : [])];
    }
    if (criterion.evidence === 'none') throw new UserError('error-evidence-not-asked', { code: criterion.code });
    const round = await findActiveRound(ctx.db, term.id);
    if (!round) throw new UserError('error-no-round');
    const existing = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
    if (existing?.state === 'confirmed') throw new UserError('error-evidence-confirmed');
    const limits = rulesOf(cluster).evidence;
    let already = existing ? (await listEvidence(ctx.db, existing.id, criterion.id)).length : 0;
    const problems: LineProblem[] = [];
    const checked = [];
    for (const [i, file] of files.entries()) {
      try {
        const bytes = await file.download();
        const detected = await detectEvidenceType(bytes, file.fileName);
        checkEvidence(limits, { fileName: file.fileName, size: bytes.byteLength, type: detected.type }, already);
        already += 1;
        checked.push({ fileName: file.fileName, bytes, mimeType: detected.mimeType });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({ line: i + 1, key: error.key, args: error.args });
      }
    }
    if (problems.length === 1 && files.length === 1) throw new UserError(problems[0]!.key, problems[0]!.args);
    if (problems.length) {
      // Each problem names its file; together they say why nothing was stored.
      const t = ctx.i18n.translator(ctx.locale);
      throw new UserError('error-evidence-files', { count: problems.length, list: problems.map((p) => t(p.key, p.args)).join(' ') });
    }
    const sheet = existing ?? (await ctx.db.sheet.create({ data: { roundId: round.id, unitId: unit.id } }));
    const stored = [];
    for (const f of checked) {
      const hash = sha256(f.bytes);
      const id = await addEvidence(ctx.db, {
        sheetId: sheet.id,
        criterionId: criterion.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: f.bytes.byteLength,
        sha256: hash,
        bytes: f.bytes,
        uploaderId: ctx.person.id,
        at: ctx.now,
      });
      stored.push({ id, name: f.fileName, size: f.bytes.byteLength, sha256: hash, type: f.mimeType });
    }
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'evidence.add',
      subjectType: 'sheet',
      subjectId: sheet.id,
      after: { code: criterion.code, files: stored },
    });
    return [say('evidence-added', { unit: unit.code, code: criterion.code, count: stored.length, total: already })];
  },
};
