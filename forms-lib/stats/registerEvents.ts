/**
 * Register state changes as log events (issue 4: "every register state change appends an event
 * row"). The register is a sheet people edit by hand, so a change is seen when the tool next
 * reads it: `registerChanges` compares each application's register facts with what the log
 * already says about that 登记编号 and returns the events that bring the log up to date.
 *
 * What the log records per application (the facts that move an application between states):
 * - registered: once, when the 登记编号 first appears; detail 「收到日期：…；申请方式：…；申请人类型：…」.
 * - state-changed: 收到日期, 补正告知日期, 补正收到日期, 延期 (「是」 or the days), 征求意见起, 征求意见止 set,
 *   changed or cleared after that; detail 「补正告知日期：2026-03-05」 or 「延期：是 → 10」 (old → new; （空） for a blank cell).
 * - closed: 办理结果 and 答复日期 both filled; outcome = the register spelling, detail 「答复日期：…」.
 *   A later change of either is another closed event; clearing 办理结果 after a closed event is a
 *   state-changed 「办理结果：… → （空）」 (reopened).
 *
 * The details are plain Chinese a person can read in the sheet, and also what the next
 * comparison reads back (`factsOf`), so the log alone says what it last saw. Pure core.
 */
import type { Application } from '../register/types.ts';
import { OUTCOMES } from '../register/types.ts';
import type { LogEvent, LogEventInput } from './log.ts';

/** How a blank register cell is written in a detail. */
export const BLANK = '（空）';
const SEP = '；';
const ARROW = ' → ';

/** The register facts followed after registration, by their column label. */
const TRACKED = ['收到日期', '补正告知日期', '补正收到日期', '延期', '征求意见起', '征求意见止'] as const;
type Tracked = (typeof TRACKED)[number];

const OUTCOME_REGISTER = new Map<string, string>(OUTCOMES.map((o) => [o.id, o.register]));

function trackedValue(app: Application, f: Tracked): string {
  switch (f) {
    case '收到日期':
      return app.receivedOn;
    case '补正告知日期':
      return app.correctionNoticeOn ?? '';
    case '补正收到日期':
      return app.supplementReceivedOn ?? '';
    case '延期':
      // as written: 「是」 (the office's maximum, whatever the settings of the run say it is) or
      // the days; 0 = none, so a blank 延期 cell and 「否」 read the same
      return app.extensionToMax ? '是' : app.extensionDays > 0 ? String(app.extensionDays) : '';
    case '征求意见起':
      return app.consultFrom ?? '';
    case '征求意见止':
      return app.consultTo ?? '';
  }
}

/** The facts a detail states: 「字段：值」 or 「字段：旧 → 新」 (the new value counts), joined by 「；」. */
export function factsOf(detail: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!detail) return out;
  for (const part of detail.split(SEP)) {
    const at = part.indexOf('：');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    let value = part.slice(at + 1);
    const arrow = value.lastIndexOf(ARROW);
    if (arrow >= 0) value = value.slice(arrow + ARROW.length);
    value = value.trim();
    out.set(key, value === BLANK ? '' : value);
  }
  return out;
}

const show = (v: string): string => (v === '' ? BLANK : v);

/** What the log last said about one application. */
interface Known {
  registered: boolean;
  facts: Map<string, string>;
  /** outcome + 答复日期 of the last closed event, while not reopened since */
  closed?: { outcome: string; repliedOn: string };
}

function knownFrom(events: readonly LogEvent[]): Map<string, Known> {
  const byId = new Map<string, Known>();
  for (const e of events) {
    if (!e.applicationId) continue;
    let k = byId.get(e.applicationId);
    if (!k) byId.set(e.applicationId, (k = { registered: false, facts: new Map() }));
    if (e.type === 'registered') {
      k.registered = true;
      for (const [f, v] of factsOf(e.detail)) k.facts.set(f, v);
    } else if (e.type === 'state-changed') {
      const facts = factsOf(e.detail);
      for (const [f, v] of facts) k.facts.set(f, v);
      if (facts.has('办理结果') && facts.get('办理结果') === '') k.closed = undefined;
    } else if (e.type === 'closed') {
      k.closed = { outcome: e.outcome, repliedOn: factsOf(e.detail).get('答复日期') ?? '' };
    }
  }
  return byId;
}

export interface RegisterChangesOptions {
  readonly operator?: string;
}

/**
 * The events that bring the log (`events`, as readLogEvents returns them) up to date with the
 * register (`applications`), in register order; none when nothing changed. Deterministic: the
 * same register and log give the same events, and after appending them the result is empty.
 */
export function registerChanges(applications: readonly Application[], events: readonly LogEvent[], options: RegisterChangesOptions = {}): LogEventInput[] {
  const known = knownFrom(events);
  const operator = options.operator;
  const out: LogEventInput[] = [];
  for (const app of applications) {
    const k = known.get(app.id);
    if (!k?.registered) {
      const detail = [`收到日期：${app.receivedOn}`, `申请方式：${app.channel}`, `申请人类型：${app.applicantType}`];
      // facts already set when the log first sees the application are recorded with it
      for (const f of TRACKED) {
        if (f === '收到日期') continue;
        const v = trackedValue(app, f);
        if (v !== '') detail.push(`${f}：${v}`);
      }
      out.push({ type: 'registered', applicationId: app.id, detail: detail.join(SEP), operator });
    } else {
      const changes: string[] = [];
      for (const f of TRACKED) {
        const now = trackedValue(app, f);
        const before = k.facts.get(f) ?? '';
        if (now === before) continue;
        changes.push(before === '' ? `${f}：${now}` : `${f}：${show(before)}${ARROW}${show(now)}`);
      }
      if (k.closed && app.outcome === undefined) changes.push(`办理结果：${k.closed.outcome}${ARROW}${BLANK}`);
      if (changes.length) out.push({ type: 'state-changed', applicationId: app.id, detail: changes.join(SEP), operator });
    }
    if (app.outcome !== undefined && app.repliedOn !== undefined) {
      const outcome = OUTCOME_REGISTER.get(app.outcome) ?? app.outcome;
      const last = k?.closed;
      if (!last || last.outcome !== outcome || last.repliedOn !== app.repliedOn) {
        out.push({ type: 'closed', applicationId: app.id, outcome, detail: `答复日期：${app.repliedOn}`, operator });
      }
    }
  }
  return out;
}
