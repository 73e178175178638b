/** zod issues → { path, zh, en }, the path written as JSON path (`$.office.name`, `$.docNumbers["receipt"]`). */
import type { z } from 'zod';

export interface PathIssue {
  path: string;
  zh: string;
  en: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: '是/否（true/false）', object: '对象 {…}', array: '列表 […]', null: '空值 null', bigint: '数字', date: '日期' };

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function zhFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves `input` out of issues unless asked: what was received is in its message
      const received = issue.input !== undefined ? typeName(issue.input) : /received (\w+)/.exec(issue.message)?.[1];
      if (received === undefined || received === 'undefined') return '必填项缺失';
      return `类型错误：应为${TYPE_ZH[issue.expected] ?? issue.expected}，实为${TYPE_ZH[received] ?? received}`;
    }
    case 'too_small':
      return issue.origin === 'string' ? `不能少于 ${String(issue.minimum)} 个字符` : issue.origin === 'array' ? `至少 ${String(issue.minimum)} 项` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `不能多于 ${String(issue.maximum)} 个字符` : issue.origin === 'array' ? `至多 ${String(issue.maximum)} 项` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `取值应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一`;
    case 'unrecognized_keys':
      return `未知的设置项 ${issue.keys.join('、')}`;
    case 'invalid_format':
      return `格式不符`;
    case 'invalid_key':
      return '键名无效';
    case 'custom':
      return (issue.params as { zh?: string } | undefined)?.zh ?? issue.message;
    default:
      return '取值无效';
  }
}

export function describeIssues(error: z.ZodError): PathIssue[] {
  return error.issues.map((issue) => {
    const zh = zhFor(issue);
    const en = issue.code === 'custom' ? ((issue.params as { en?: string } | undefined)?.en ?? issue.message) : issue.message;
    return { path: jsonPath(issue.path), zh, en };
  });
}
