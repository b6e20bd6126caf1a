import { DateTime } from 'luxon';
import { AlignmentType, Document, Packer, PageBreak, PageOrientation, Paragraph, type Table } from 'docx';
import type { Translate } from '../../i18n/i18n.js';
import type { Msg } from '../../reply.js';
import { centre, dataTable, nfc, para, SMALL, twoColumns } from './docx-parts.js';
import { formatPercent, formatPoints, openVoteMsgs, voteRulesMsgs } from './format.js';
import type { MinutesBallot, MinutesInput } from './types.js';

/** The Word document's media type (what the adapters send it as). */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Block = Paragraph | Table;

/** Millimetres in twips, rounded (docx's own helper floors: A4 would lose a twip). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

/**
 * The minutes of the year-end meeting (*biên bản*, Decree 30/2020 form 1.9) as a `.docx`: A4
 * portrait, margins 20/20/30/15 mm, Times New Roman 14 (tables 13); the header block, title and
 * subject, grounds, I. time and place, II. attendance, III. content (ranking, vote rules, each
 * ballot round's count, conclusion, election, other opinions), closing, the signatures of the
 * secretary and the chair, and the vote-count record (*biên bản kiểm phiếu*) as an annex.
 * Every sentence comes from `locales/*.meeting.ftl` through `t`.
 */
export async function minutesDocx(input: MinutesInput, t: Translate): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'thidua-bot',
    title: nfc(t('minutes-title')),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT, width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          ...header(input, t),
          ...body(input, t),
          ...signatures(input, t),
          new Paragraph({ children: [new PageBreak()] }),
          ...annex(input, t),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A local date and time in the cluster's zone. */
function local(at: Date, input: MinutesInput): DateTime {
  return DateTime.fromJSDate(at, { zone: input.timezone });
}

/** Several messages as paragraphs. */
function lines(t: Translate, msgs: Msg[], indent = true): Paragraph[] {
  return msgs.map((m) => para(t(m.key, m.args), { indent }));
}

/** The header block and the title. */
function header(input: MinutesInput, t: Translate): Block[] {
  const d = local(input.now, input);
  const left = [
    ...(input.superior ? [centre(input.superior.toUpperCase(), { size: SMALL })] : []),
    centre(input.clusterName.toUpperCase(), { bold: true, size: SMALL }),
    centre(t('minutes-number', { suffix: input.numberSuffix }), { size: SMALL }),
  ];
  const right = [
    centre(t('minutes-nation'), { bold: true, size: SMALL }),
    centre(t('minutes-motto'), { bold: true, size: SMALL }),
    centre(t('minutes-place-date', { place: input.place ?? '……', day: d.toFormat('dd'), month: d.toFormat('MM'), year: d.year }), {
      italics: true,
    }),
  ];
  return [
    twoColumns(left, right),
    para(''),
    centre(t('minutes-title'), { bold: true }),
    centre(t('minutes-subject', { year: input.year, next: input.year + 1 }), { bold: true }),
    para(''),
    para(t('minutes-grounds', { cluster: input.clusterName }), { italics: true, indent: true }),
  ];
}

/** Sections I–III and the closing. */
function body(input: MinutesInput, t: Translate): Block[] {
  const at = input.meetingAt ? local(input.meetingAt, input) : null;
  const present = input.attendance.filter((a) => a.present);
  const absent = input.attendance.filter((a) => !a.present);
  const out: Block[] = [
    para(t('minutes-h-time'), { bold: true }),
    para(
      at
        ? t('minutes-time', { hour: at.toFormat('HH'), minute: at.toFormat('mm'), date: at.toFormat('dd/MM/yyyy') })
        : t('minutes-time-unknown'),
      { indent: true },
    ),
    para(t('minutes-place', { place: input.place ?? '……' }), { indent: true }),
    para(t('minutes-h-attendance'), { bold: true }),
    para(t('minutes-chair', { unit: input.chairUnit ?? '……' }), { indent: true }),
    para(t('minutes-secretary', { name: input.secretaryName }), { indent: true }),
    para(t('minutes-guests'), { indent: true }),
    para(t('minutes-present-count', { present: present.length, total: input.attendance.length }), { indent: true }),
    para(t('minutes-present-list', { list: present.map((a) => a.name).join('; ') || '–' }), { indent: true }),
    para(t('minutes-absent-list', { list: absent.map((a) => a.name).join('; ') || '–' }), { indent: true }),
    para(t('minutes-h-content'), { bold: true }),
    para(t('minutes-h-ranking'), { bold: true, indent: true }),
  ];
  if (input.ranking.length) {
    const p = (v: number | null) => (v === null ? '–' : formatPoints(v, input.locale));
    out.push(
      dataTable(
        ['minutes-col-rank', 'minutes-col-unit', 'minutes-col-self', 'minutes-col-appraised', 'minutes-col-final', 'minutes-col-class'].map(
          (k) => t(k),
        ),
        input.ranking.map((r) => [
          r.rank === null ? '–' : String(r.rank),
          `${r.code} – ${r.name}`,
          p(r.self),
          p(r.appraised),
          p(r.final),
          r.classification ? t(`report-class-${r.classification}`) : t('report-no-sheet'),
        ]),
        [8, 40, 13, 13, 13, 13],
        [0, 2, 3, 4],
      ),
      para(t('minutes-ranking-adopted'), { indent: true }),
    );
  } else out.push(para(t('minutes-no-ranking'), { indent: true }));
  out.push(para(t('minutes-h-rules'), { bold: true, indent: true }), ...lines(t, voteRulesMsgs(input.rules, input.locale)));
  out.push(para(t('minutes-h-ballots'), { bold: true, indent: true }));
  if (!input.ballots.length) out.push(para(t('minutes-no-ballots'), { indent: true }));
  for (const b of input.ballots) out.push(...ballotSummary(b, input, t));
  out.push(para(t('minutes-h-conclusion'), { bold: true, indent: true }), ...conclusion(input, t));
  out.push(para(t('minutes-h-election'), { bold: true, indent: true }));
  const name = (code: string | null) => (code ? (input.attendance.find((a) => a.code === code)?.name ?? code) : '……');
  out.push(
    para(
      t('minutes-election', {
        leader: name(input.election.leader),
        deputy: name(input.election.deputy),
        next: input.year + 1,
        mode: input.election.mode,
      }),
      { indent: true },
    ),
  );
  out.push(para(t('minutes-h-other'), { bold: true, indent: true }), para('…………………………………………………………………………………………', { indent: true }));
  const end = local(input.now, input);
  out.push(
    para(t('minutes-closing', { hour: end.toFormat('HH'), minute: end.toFormat('mm'), date: end.toFormat('dd/MM/yyyy') }), {
      indent: true,
    }),
  );
  return out;
}

/** One ballot round in section III: its question, counts, and per candidate the agree count and result. */
function ballotSummary(b: MinutesBallot, input: MinutesInput, t: Translate): Paragraph[] {
  const tally = b.tally;
  const out = [
    para(t('minutes-ballot', { question: b.question, round: b.round, seats: b.seats }), { indent: true, italics: true }),
    para(t('ballot-result-counts', { issued: tally.issued, returned: tally.returned, valid: tally.valid, invalid: tally.invalid }), {
      indent: true,
    }),
  ];
  if (!tally.quorumMet) out.push(para(t('minutes-no-quorum'), { indent: true }));
  for (const r of [...tally.rows].sort((x, y) => y.agree - x.agree)) {
    out.push(
      para(
        t('ballot-result-row', {
          code: r.code,
          name: r.name,
          agree: r.agree,
          base: r.base,
          percent: formatPercent(r.percent, input.locale),
          passed: r.passed ? 'yes' : 'no',
          elected: r.elected ? 'yes' : 'no',
        }),
        { indent: true },
      ),
    );
  }
  if (tally.byScore.length) out.push(para(t('ballot-result-by-score', { codes: tally.byScore.join(', ') }), { indent: true }));
  if (tally.runoff)
    out.push(para(t('ballot-result-runoff', { codes: tally.runoff.codes.join(', '), seats: tally.runoff.seats }), { indent: true }));
  // A show of hands is public: who voted how is part of the record.
  for (const m of openVoteMsgs(tally)) out.push(para(t(m.key, m.args), { indent: true }));
  return out;
}

/** The units proposed per award: the elected of every round of the award's ballots. */
function conclusion(input: MinutesInput, t: Translate): Paragraph[] {
  const awards = new Map<string, string[]>();
  for (const b of input.ballots.filter((x) => x.kind === 'award')) {
    const list = awards.get(b.question) ?? [];
    for (const code of b.tally.elected) if (!list.includes(code)) list.push(code);
    awards.set(b.question, list);
  }
  if (!awards.size) return [para(t('minutes-no-ballots'), { indent: true })];
  const name = (code: string) => input.attendance.find((a) => a.code === code)?.name ?? code;
  return [...awards].map(([question, codes]) =>
    para(t('minutes-proposed', { question, units: codes.map(name).join('; ') || t('minutes-proposed-none') }), { indent: true }),
  );
}

/** The signature blocks: the secretary on the left, the chair (the leader) on the right. */
function signatures(input: MinutesInput, t: Translate): Block[] {
  const block = (title: string, name: string) => [
    centre(title, { bold: true }),
    centre(t('minutes-sign-hint'), { italics: true, size: SMALL }),
    para(''),
    para(''),
    para(''),
    centre(name, { bold: true }),
  ];
  return [
    para(''),
    twoColumns(block(t('minutes-sign-secretary'), input.secretaryName), block(t('minutes-sign-chair'), input.chairUnit ?? ''), [50, 50]),
  ];
}

/** The annex: the vote-count record, one table per ballot round. */
function annex(input: MinutesInput, t: Translate): Block[] {
  const out: Block[] = [
    centre(t('minutes-annex'), { bold: true }),
    centre(t('minutes-annex-title'), { bold: true }),
    centre(t('minutes-subject', { year: input.year, next: input.year + 1 }), { italics: true }),
    para(''),
    para(t('minutes-annex-board', { name: input.secretaryName }), { indent: true }),
  ];
  for (const b of input.ballots) {
    const opened = local(b.openedAt, input).toFormat('dd/MM/yyyy HH:mm');
    const closed = b.closedAt ? local(b.closedAt, input).toFormat('dd/MM/yyyy HH:mm') : '–';
    out.push(
      para(t('minutes-ballot', { question: b.question, round: b.round, seats: b.seats }), { bold: true }),
      para(t('minutes-annex-times', { opened, closed }), { indent: true }),
      ...lines(t, voteRulesMsgs(b.rules, input.locale, b.seats)),
      para(
        t('ballot-result-counts', { issued: b.tally.issued, returned: b.tally.returned, valid: b.tally.valid, invalid: b.tally.invalid }),
        { indent: true },
      ),
      dataTable(
        ['minutes-col-candidate', 'minutes-col-agree', 'minutes-col-base', 'minutes-col-percent', 'minutes-col-result'].map((k) => t(k)),
        [...b.tally.rows]
          .sort((x, y) => y.agree - x.agree)
          .map((r) => [
            `${r.code} – ${r.name}`,
            String(r.agree),
            String(r.base),
            `${formatPercent(r.percent, input.locale)}%`,
            t('minutes-result', { passed: r.passed ? 'yes' : 'no', elected: r.elected ? 'yes' : 'no' }),
          ]),
        [40, 12, 12, 14, 22],
        [1, 2, 3],
      ),
      ...openVoteMsgs(b.tally).map((m) => para(t(m.key, m.args), { indent: true })),
      para(''),
    );
  }
  out.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [] }), ...signatures(input, t));
  return out;
}
