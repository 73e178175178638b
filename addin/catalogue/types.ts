import type { Scalar } from './grid.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Canonical catalogue fields a column can map to. */
export type FieldId =
  | 'seq' // 序号
  | 'level1' // 一级事项
  | 'level2' // 二级事项
  | 'level3' // 三级事项
  | 'level4' // 四级事项
  | 'content' // 公开内容（要素）
  | 'basis' // 公开依据
  | 'deadline' // 公开时限
  | 'subject' // 公开主体
  | 'channel' // 公开渠道和载体
  | 'audienceAll' // 公开对象 / 全社会
  | 'audienceSpecific' // 公开对象 / 特定群众
  | 'audience' // 公开对象 as one text column (公开范围)
  | 'modeActive' // 公开方式 / 主动
  | 'modeOnRequest' // 公开方式 / 依申请公开
  | 'mode' // 公开方式 as one column (a mark, or text 主动/依申请)
  | 'tier' // 公开层级 tick column (label says which: 县级, 乡级 …)
  | 'duration' // 公开时长
  | 'unknown';

export interface ColumnDef {
  col: number;
  field: FieldId;
  /** The label as written (group + sub label joined with '/'), whitespace collapsed. */
  label: string;
}

/** A cell edit. `expect` is the value seen when checked: a stale cell is skipped, never overwritten. */
export interface CellEdit {
  row: number;
  col: number;
  cell: string;
  expect: Scalar;
  set: Scalar;
}

export type Applicability = 'safe' | 'unsafe' | 'display';

export interface Fix {
  applicability: Applicability;
  edits: CellEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  sheet: string;
  row: number;
  col: number;
  cell: string;
  field: FieldId | null;
  value: string | null;
  messageId: string;
  data: Record<string, string | number>;
  fix?: Fix;
}

export interface Message {
  zh: string;
  en: string;
}

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion' | 'layout';
  fixable: boolean;
  defaultSeverity: Severity;
  docs: Message;
  /** messageId -> text with {placeholders} filled from finding.data */
  messages: Record<string, Message>;
}
