/**
 * The printed papers of a meeting (domain reference §2): the 会议记录, the 签到表 handed round at the
 * door, the 支部大会决议 of one vote, and the 表决票 of a secret ballot. Each builder returns
 * FormDocuments (shared/forms/document.ts) that the renderer's one print template lays out on A4.
 *
 * Nothing is made up: a fact the record does not hold prints as a blank line to write on. What the
 * record cannot hold comes from the context: the names and standing (正式/预备) of the people, read
 * from the roster of the meeting day, and the number of full members with voting rights on the roll.
 * A vote's result is always tallyVote's: no paper says 通过 where the tally says otherwise, and
 * numbers that cannot be right are printed as recorded with what is wrong, never tallied.
 */
import type { MeetingDoc, MeetingKind, PersonDoc } from '../model';
import { MEETING_KIND_LABELS } from '../rules/meetings';
import { checkVoteNumbers, tallyVote, type VoteInput, type VoteMotion, type VoteOutcome, type VoteTally } from '../rules/votes';
import { ballotSheets, blankLine, cnDate, orBlank, type FormBlock, type FormDocument, type FormField } from './document';
import { STATUS_LABELS } from './labels';

type Vote = MeetingDoc['votes'][number];
type AgendaItem = MeetingDoc['agenda'][number];
type Speech = NonNullable<AgendaItem['speeches']>[number];

/** What a person's entry on the papers needs: the name, the standing, whether still on the roll. */
export type MinutesPerson = Pick<PersonDoc, 'name' | 'status' | 'onRoll'>;

export interface MinutesContext {
  /** The branch's full name, e.g. 幸福社区第一党支部. */
  branchName: string;
  /** The roster on the meeting day, by person id: names for the attendance, speeches and votes. */
  people: ReadonlyMap<string, MinutesPerson>;
  /**
   * 正式党员 with voting rights on the roll on the meeting day. Not stored on a vote: with the vote's
   * `excluded` it gives 应到会 (R-VOTE-EXPECTED) for the votes of a 支部党员大会.
   */
  fullMembersOnRoll: number;
  /** For a 党小组会: the group's name, printed after the kind. */
  groupName?: string;
}

const MOTION_LABELS: Record<VoteMotion, string> = {
  admit: '接收预备党员',
  confirm: '预备党员转正',
  extend: '延长预备期',
  other: '其他事项',
};

const METHOD_LABELS: Record<Vote['method'], string> = { hands: '举手表决', ballot: '无记名投票' };

const OUTCOME_LABELS: Record<VoteOutcome, string> = {
  passed: '通过',
  rejected: '未通过',
  tie: '未通过（赞成票恰好为应到会人数的半数）',
  'no-quorum': '未表决（实到会人数未超过应到会人数的半数）',
};

// ─── Reading the record ─────────────────────────────────────────────────────────────────────────

/** A person's name, or a blank to write it on when the roster does not know the id. */
function nameOf(ctx: MinutesContext, personId: string | undefined): string {
  const name = personId ? ctx.people.get(personId)?.name : undefined;
  return name ?? blankLine(4);
}

function filled(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

function kindLabel(kind: MeetingKind, ctx: MinutesContext): string {
  return kind === 'group' && filled(ctx.groupName) ? `${MEETING_KIND_LABELS.group}（${ctx.groupName}）` : MEETING_KIND_LABELS[kind];
}

function host(meeting: MeetingDoc, ctx: MinutesContext): string {
  if (filled(meeting.hostName)) return meeting.hostName;
  return meeting.hostId ? nameOf(ctx, meeting.hostId) : '';
}

function recorder(meeting: MeetingDoc, ctx: MinutesContext): string {
  if (filled(meeting.recorderName)) return meeting.recorderName;
  return meeting.recorderId ? nameOf(ctx, meeting.recorderId) : '';
}

/** '2026年3月12日 09:00—10:30', with blanks for a time not recorded. */
function when(meeting: MeetingDoc): string {
  const time = (t: string | undefined) => (filled(t) ? t : blankLine(3));
  return `${cnDate(meeting.date)} ${time(meeting.startTime)}—${time(meeting.endTime)}`;
}

const chinaMinute = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as China time, '2026年3月12日 10:40'; the stored text when it is not an instant. */
function cnInstant(instant: string | undefined): string {
  if (!filled(instant)) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const part = (type: Intl.DateTimeFormatPartTypes) => chinaMinute.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${cnDate(`${part('year')}-${part('month')}-${part('day')}`)} ${part('hour')}:${part('minute')}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (agenda items, up to 99). */
function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

type AttendanceRow = MeetingDoc['attendance'][number];

/** '赵志强（住院治疗）、钱桂兰（＿＿＿＿）', or 无. */
function namesWithReasons(ctx: MinutesContext, rows: readonly AttendanceRow[]): string {
  if (rows.length === 0) return '无';
  return rows.map((row) => `${nameOf(ctx, row.personId)}（${filled(row.reason) ? row.reason.trim() : blankLine(4)}）`).join('、');
}

function persons(rows: readonly unknown[]): string {
  return `${rows.length}人`;
}

// ─── The numbers of a vote ──────────────────────────────────────────────────────────────────────

/** A vote's numbers and its tally, or the problems that keep it from being tallied. */
type VoteReading = { input: VoteInput; tally: VoteTally; problems?: undefined } | { input: VoteInput; tally?: undefined; problems: string[] };

/**
 * The numbers of a recorded vote. A 支部党员大会 votes with every full member on the roll expected
 * (R-VOTE-EXPECTED: `fullMembersOnRoll` − excluded) and counts as present the full members marked
 * present in the attendance; 送学上门 is taking part, not being in the room, and does not count.
 * The other bodies (支委会, 党小组) vote among their own members: the full members in the attendance.
 */
function readVote(meeting: MeetingDoc, vote: Vote, ctx: MinutesContext): VoteReading {
  const isFull = (row: AttendanceRow) => ctx.people.get(row.personId)?.status === 'full';
  const fullRows = uniqueRows(meeting.attendance).filter(isFull);
  const input: VoteInput = {
    motion: vote.motion,
    fullMembers: meeting.kind === 'assembly' ? ctx.fullMembersOnRoll : fullRows.length,
    excluded: vote.excluded ?? 0,
    presentVoting: fullRows.filter((row) => row.state === 'present').length,
    yes: vote.yes,
    no: vote.no,
    abstain: vote.abstain,
  };
  for (const key of ['writtenYes', 'writtenNo', 'writtenAbstain', 'ballotsIssued', 'ballotsReturned'] as const) {
    if (vote[key] !== undefined) input[key] = vote[key];
  }
  const problems = checkVoteNumbers(input);
  return problems.length > 0 ? { input, problems: problems.map((p) => p.message) } : { input, tally: tallyVote(input) };
}

/** One row per person: a person entered twice is counted once (meetingGaps asks to delete the copy). */
function uniqueRows(rows: readonly AttendanceRow[]): AttendanceRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.personId) && seen.add(row.personId));
}

function methodSentence(vote: Vote): string {
  if (vote.method === 'hands') return METHOD_LABELS.hands;
  return `${METHOD_LABELS.ballot}，发出选票${orBlank(vote.ballotsIssued, 2)}张，收回选票${orBlank(vote.ballotsReturned, 2)}张`;
}

/** '赞成5票，反对0票，弃权1票（含书面意见：…）', as recorded. */
function votesAsRecorded(vote: Vote): string {
  const written = (vote.writtenYes ?? 0) + (vote.writtenNo ?? 0) + (vote.writtenAbstain ?? 0);
  const total = `赞成${vote.yes + (vote.writtenYes ?? 0)}票，反对${vote.no + (vote.writtenNo ?? 0)}票，弃权${vote.abstain + (vote.writtenAbstain ?? 0)}票`;
  return written === 0 ? total : `${total}（含书面意见：赞成${vote.writtenYes ?? 0}票，反对${vote.writtenNo ?? 0}票，弃权${vote.writtenAbstain ?? 0}票）`;
}

/** Who a vote on a person is about: the roster's name, else the subject as recorded. */
function voteSubject(vote: Vote): string {
  return filled(vote.subject) ? vote.subject.trim() : blankLine(8);
}

// ─── 会议记录 ────────────────────────────────────────────────────────────────────────────────────

/**
 * The 会议记录 of one meeting: the facts in a ruled grid, then the agenda with what each speaker said
 * (per candidate when several are discussed), each vote with its result, the decisions, the
 * amendments of a final record (更正记录), and the lines for the host's and the recorder's signatures.
 * A draft says so under the title; a final record prints when it was finalized and the first 12
 * characters of its content hash (校验码), so a paper copy can be matched with the record.
 */
export function minutesForm(meeting: MeetingDoc, ctx: MinutesContext): FormDocument {
  const rows = uniqueRows(meeting.attendance);
  const byState = (state: AttendanceRow['state']) => rows.filter((row) => row.state === state);
  const present = byState('present');
  const homeStudy = byState('home-study');
  const presentWith = (status: PersonDoc['status']) => present.filter((row) => ctx.people.get(row.personId)?.status === status);
  const onRoll = [...ctx.people.values()].filter((p) => p.onRoll);
  const guests = (meeting.guests ?? []).map((g) => (filled(g.note) ? `${g.name}（${g.note.trim()}）` : g.name));
  const final = meeting.status === 'final';

  const fields: FormField[][] = [
    [
      { label: '会议类别', value: kindLabel(meeting.kind, ctx) },
      { label: '会议主题', value: meeting.topic?.trim() ?? '', span: 2 },
    ],
    [
      { label: '时间', value: when(meeting), span: 2 },
      { label: '地点', value: meeting.place?.trim() ?? '' },
    ],
    [
      { label: '主持人', value: host(meeting, ctx) },
      { label: '记录人', value: recorder(meeting, ctx) },
      {
        label: '支部党员',
        value: `正式党员${onRoll.filter((p) => p.status === 'full').length}人，预备党员${onRoll.filter((p) => p.status === 'probationary').length}人`,
      },
    ],
    [
      { label: '应到', value: persons(rows) },
      { label: '实到', value: persons(present) },
      { label: '送学上门', value: homeStudy.length ? `${persons(homeStudy)}（${homeStudy.map((row) => nameOf(ctx, row.personId)).join('、')}）` : '0人' },
    ],
    [
      { label: '实到正式党员', value: persons(presentWith('full')) },
      { label: '实到预备党员', value: persons(presentWith('probationary')), span: 2 },
    ],
    [{ label: '缺席', value: namesWithReasons(ctx, byState('absent')), span: 3 }],
    [{ label: '请假', value: namesWithReasons(ctx, byState('leave')), span: 3 }],
    [{ label: '列席', value: guests.length ? guests.join('、') : '无', span: 3 }],
  ];
  if (final) {
    fields.push([
      { label: '定稿时间', value: cnInstant(meeting.finalizedAt) },
      { label: '校验码', value: meeting.contentHash?.slice(0, 12) ?? '', span: 2 },
    ]);
  }

  const blocks: FormBlock[] = [{ kind: 'fields', rows: fields }, { kind: 'heading', text: '会议议程及发言' }];
  if (meeting.agenda.length === 0) blocks.push({ kind: 'box', label: '议程', text: '', lines: 6 });
  meeting.agenda.forEach((item, i) => blocks.push(...agendaBlocks(item, i, ctx)));

  if (meeting.votes.length > 0) {
    blocks.push({ kind: 'heading', text: '表决情况' });
    meeting.votes.forEach((vote, i) => blocks.push({ kind: 'text', paragraphs: voteParagraphs(meeting, vote, i, ctx) }));
  }

  const decisions = (meeting.decisions ?? []).filter(filled);
  if (decisions.length > 0) {
    blocks.push({ kind: 'heading', text: '会议决定' });
    blocks.push({ kind: 'text', paragraphs: decisions.map((d, i) => `${i + 1}. ${d.trim()}`) });
  }
  if (filled(meeting.note)) blocks.push({ kind: 'heading', text: '备注' }, { kind: 'text', paragraphs: [meeting.note.trim()] });

  const amendments = meeting.amendments ?? [];
  if (amendments.length > 0) {
    blocks.push({ kind: 'heading', text: '更正记录' });
    blocks.push({ kind: 'text', paragraphs: amendments.map((a, i) => `${i + 1}. ${cnDate(a.date)}，${a.by}更正：${a.text.trim()}`) });
  }

  blocks.push({ kind: 'sign', lines: [`主持人（签字）：${blankLine(6)}\u3000记录人（签字）：${blankLine(6)}`] });

  return {
    kind: 'meeting-minutes',
    title: '会议记录',
    subtitle: final ? ctx.branchName : `${ctx.branchName}\u3000（草稿，未定稿）`,
    layout: 'form',
    blocks,
  };
}

/**
 * One agenda item: its title, then the speeches in the order they were made, those about one
 * candidate gathered under '关于某某同志：' (R-VOTE-EACH: each candidate discussed separately), then
 * the item's decision.
 */
function agendaBlocks(item: AgendaItem, index: number, ctx: MinutesContext): FormBlock[] {
  const blocks: FormBlock[] = [{ kind: 'heading', text: `${cnNumber(index + 1)}、${filled(item.title) ? item.title.trim() : blankLine(10)}` }];
  const speeches = item.speeches ?? [];
  if (speeches.length === 0) blocks.push({ kind: 'box', label: '发言', text: '', lines: 3 });
  else {
    // Groups in the order of their first speech; speeches about no one in particular form one group.
    const groups = new Map<string, Speech[]>();
    for (const speech of speeches) {
      const key = speech.aboutPersonId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), speech]);
    }
    const paragraphs: string[] = [];
    for (const [about, group] of groups) {
      if (about) paragraphs.push(`关于${nameOf(ctx, about)}同志：`);
      for (const speech of group) paragraphs.push(`${filled(speech.speakerName) ? speech.speakerName.trim() : blankLine(4)}：${speech.text.trim() || blankLine(12)}`);
    }
    blocks.push({ kind: 'text', paragraphs });
  }
  if (filled(item.decision)) blocks.push({ kind: 'text', paragraphs: [`决定：${item.decision.trim()}`] });
  return blocks;
}

function voteParagraphs(meeting: MeetingDoc, vote: Vote, index: number, ctx: MinutesContext): string[] {
  const about = vote.motion !== 'other' && vote.aboutPersonId ? `，${nameOf(ctx, vote.aboutPersonId)}同志` : '';
  const paragraphs = [
    `${index + 1}. 表决事项：${voteSubject(vote)}（${MOTION_LABELS[vote.motion]}${about}）`,
    `表决方式：${methodSentence(vote)}。`,
  ];
  const reading = readVote(meeting, vote, ctx);
  if (reading.tally) {
    paragraphs.push(...reading.tally.reasons, `表决结果：${OUTCOME_LABELS[reading.tally.outcome]}。`);
  } else {
    paragraphs.push(
      `记录的票数：${votesAsRecorded(vote)}。`,
      `表决数字有误，无法计算结果：${reading.problems.join('；')}`,
      `表决结果：${blankLine(8)}`,
    );
  }
  return paragraphs;
}

// ─── 签到表 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The 签到表: one row per member to sign against, with a few blank rows for 列席 and late names.
 * Listed: the full and probationary members on the roll, by name in Chinese collation; for a
 * 支委会 or 党小组会 whose attendance is entered, the members in the attendance (the body's own
 * members, not the whole branch). With a meeting, a known absence is noted in 备注; without one,
 * the meeting's title, time and place are left blank.
 */
export function signInSheet(meeting: MeetingDoc | null, ctx: MinutesContext): FormDocument {
  const ownMembers = meeting !== null && (meeting.kind === 'committee' || meeting.kind === 'group') && meeting.attendance.length > 0;
  const ids = ownMembers
    ? uniqueRows(meeting.attendance).map((row) => row.personId)
    : [...ctx.people.entries()].filter(([, p]) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).map(([id]) => id);
  const listed = ids
    .map((id) => ({ id, person: ctx.people.get(id) }))
    .sort((a, b) => (a.person?.name ?? '').localeCompare(b.person?.name ?? '', 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const noteOf = (id: string): string => {
    const row = meeting?.attendance.find((r) => r.personId === id);
    if (!row || row.state === 'present') return '';
    const label = row.state === 'home-study' ? '送学上门' : row.state === 'leave' ? '请假' : '缺席';
    return filled(row.reason) && row.state !== 'home-study' ? `${label}：${row.reason.trim()}` : label;
  };
  const rows = listed.map(({ id, person }, i) => [String(i + 1), person?.name ?? '', person ? STATUS_LABELS[person.status] : '', '', noteOf(id)]);

  const title = meeting ? [kindLabel(meeting.kind, ctx), meeting.topic?.trim()].filter(filled).join('：') : '';
  return {
    kind: 'meeting-sign-in',
    title: '签到表',
    subtitle: ctx.branchName,
    layout: 'form',
    blocks: [
      {
        kind: 'fields',
        rows: [
          [{ label: '会议名称', value: title, span: 3 }],
          [
            { label: '时间', value: meeting ? when(meeting) : '' },
            { label: '地点', value: meeting?.place?.trim() ?? '', span: 2 },
          ],
        ],
      },
      { kind: 'table', headers: ['序号', '姓名', '身份', '签到', '备注'], rows, blankRows: 3, widths: [8, 18, 16, 30, 28] },
      {
        kind: 'hint',
        lines: [`共${rows.length}人。请本人在“签到”栏签名；列席人员请在表末空行填写姓名并签到，“身份”栏写“列席”。`],
      },
    ],
  };
}

// ─── 支部大会决议 ────────────────────────────────────────────────────────────────────────────────

const RESOLUTION_SUBTITLES: Record<VoteMotion, string | undefined> = {
  admit: '（接收预备党员）',
  confirm: '（预备党员转正）',
  extend: '（延长预备期）',
  other: undefined,
};

/**
 * The 支部大会决议 of one vote of a 支部党员大会, in the words of the record alone: for a motion
 * 'other' the subject is the matter decided; for 接收, 转正 and 延长预备期 it is the generic
 * resolution when no dossier is at hand (the dossier's own forms, shared/forms/recruitment.ts, say
 * more). The decision follows tallyVote: 同意 only when the vote passed. Numbers that cannot be
 * tallied leave the counts and the decision blank, with what is wrong in the small print.
 *
 * Throws a RangeError when there is no such vote, or the meeting is not a 支部党员大会 (other
 * bodies' votes are in their minutes, and votes on people belong to the assembly alone).
 */
export function voteResolution(meeting: MeetingDoc, voteIndex: number, ctx: MinutesContext): FormDocument {
  const vote = meeting.votes[voteIndex];
  if (!vote) throw new RangeError(`这次会议没有第${voteIndex + 1}项表决（共${meeting.votes.length}项），请选择要打印决议的表决`);
  if (meeting.kind !== 'assembly') {
    throw new RangeError(`支部大会决议只能由支部党员大会的表决形成；${MEETING_KIND_LABELS[meeting.kind]}的表决结果请见会议记录`);
  }
  const reading = readVote(meeting, vote, ctx);
  const tally = reading.tally;
  const who = vote.aboutPersonId && ctx.people.has(vote.aboutPersonId) ? nameOf(ctx, vote.aboutPersonId) : voteSubject(vote);
  const method = vote.method === 'ballot' ? `会议采用${methodSentence(vote)}。` : '会议采用举手表决方式。';

  const counts = tally
    ? `支部应到会有表决权的正式党员${tally.expected}名，实到会有表决权的正式党员${reading.input.presentVoting}名${writtenCount(vote)}，${
        tally.quorum ? '超过应到会人数的半数，符合规定人数' : '未超过应到会人数的半数，不符合规定人数'
      }。`
    : `支部应到会有表决权的正式党员${blankLine(2)}名，实到会有表决权的正式党员${blankLine(2)}名。`;
  const result = !tally
    ? `经表决，赞成${blankLine(2)}票，反对${blankLine(2)}票，弃权${blankLine(2)}票。`
    : tally.quorum
      ? `经表决，${votesAsRecorded(vote)}，赞成票${tally.passed ? '超过' : '未超过'}应到会有表决权党员的半数${tally.outcome === 'tie' ? '（恰好半数）' : ''}。`
      : '因实到会有表决权的党员未超过应到会人数的半数，本次会议不能进行表决，须另行召开支部党员大会。';

  const blocks: FormBlock[] = [
    {
      kind: 'text',
      paragraphs: [
        `中共${ctx.branchName}于${cnDate(meeting.date)}召开支部党员大会，${topicOf(vote, who)}${counts}`,
        ...(tally?.quorum === false ? [] : [method]),
        result,
        decisionSentence(vote, who, tally),
      ],
    },
    { kind: 'sign', lines: [`中共${issuer(ctx.branchName)}`, cnDate(meeting.date)] },
  ];
  if (reading.problems) blocks.push({ kind: 'hint', lines: ['表决数字有误，不能据此形成决议，请先更正会议记录：', ...reading.problems] });

  const form: FormDocument = { kind: 'vote-resolution', title: '支部大会决议', layout: 'letter', blocks };
  const subtitle = RESOLUTION_SUBTITLES[vote.motion];
  if (subtitle) form.subtitle = subtitle;
  return form;
}

/** The resolution is issued by the branch committee, as the recruitment resolutions are. */
function issuer(branchName: string): string {
  return branchName.endsWith('支部') ? `${branchName}委员会` : branchName;
}

function writtenCount(vote: Vote): string {
  const written = (vote.writtenYes ?? 0) + (vote.writtenNo ?? 0) + (vote.writtenAbstain ?? 0);
  return written ? `，未到会党员提交书面意见${written}份` : '';
}

function topicOf(vote: Vote, who: string): string {
  switch (vote.motion) {
    case 'admit':
      return `讨论${who}同志的入党问题。`;
    case 'confirm':
      return `讨论${who}同志的转正问题。`;
    case 'extend':
      return `讨论延长${who}同志预备期的问题。`;
    case 'other':
      return `对“${voteSubject(vote)}”进行表决。`;
  }
}

/** 同意 only when tallyVote says passed; a blank when the numbers cannot be tallied. */
function decisionSentence(vote: Vote, who: string, tally: VoteTally | undefined): string {
  if (!tally) return `支部大会${blankLine(16)}。`;
  if (tally.passed) {
    switch (vote.motion) {
      case 'admit':
        return `支部大会同意接收${who}同志为中共预备党员，报上级党委审批。`;
      case 'confirm':
        return `支部大会同意${who}同志按期转为中共正式党员，报上级党委审批。`;
      case 'extend':
        return `支部大会决定延长${who}同志的预备期${blankLine(2)}个月，报上级党委审批。`;
      case 'other':
        return `支部大会通过“${voteSubject(vote)}”。`;
    }
  }
  if (!tally.quorum) return '本次会议未作出决议。';
  switch (vote.motion) {
    case 'admit':
      return `支部大会未通过接收${who}同志为中共预备党员。`;
    case 'confirm':
      return `支部大会未通过${who}同志按期转为中共正式党员。`;
    case 'extend':
      return `支部大会未通过延长${who}同志预备期。`;
    case 'other':
      return `“${voteSubject(vote)}”未获通过。`;
  }
}

// ─── 表决票 ──────────────────────────────────────────────────────────────────────────────────────

/** Papers on one A4 sheet at most: more would leave no room to mark and cut. */
export const MAX_BALLOTS_PER_PAGE = 8;

/**
 * `count` 表决票 for one matter, `perPage` to an A4 sheet to cut apart: one FormDocument per sheet
 * (the print template starts each on a new page), one table per paper with boxes for 同意, 不同意
 * and 弃权, and how to mark it. The papers carry no number: a numbered paper could be traced back
 * to whoever was handed it.
 */
export function voteBallotPapers(subject: string, count: number, perPage = 4): FormDocument[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`表决票张数应为正整数，现在是“${count}”，请按实到会有表决权的党员人数填写`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_BALLOTS_PER_PAGE) {
    throw new RangeError(`每页表决票张数应为1至${MAX_BALLOTS_PER_PAGE}之间的整数，现在是“${perPage}”`);
  }
  const matter = filled(subject) ? subject.trim() : blankLine(12);
  return ballotSheets({ kind: 'vote-ballots', title: '表决票', cutAlong: '表格间空白处' }, count, perPage, (): FormBlock[] => [
    { kind: 'table', headers: ['表决事项', '同意', '不同意', '弃权'], rows: [[matter, '', '', '']], widths: [52, 16, 16, 16] },
    { kind: 'hint', lines: ['在选定的栏内画“○”，不记名。'] },
  ]);
}
