import { describe, expect, it } from 'vitest';
import { type Deadline, compactDeadline, describeDeadline, parseDeadline } from './deadline.ts';

const rel = (trigger: string, n: number, unit: '工作日' | '日', qualifiers: string[] = [], citesLaw = false): Deadline => ({ kind: 'relative', trigger, n, unit, qualifiers, citesLaw });
const qual = (form: string, extra: object = {}): Deadline => ({ kind: 'qualitative', form, qualifiers: [], ...extra }) as Deadline;

const TABLE: [string, Deadline][] = [
  ['自该信息形成或者变更之日起20个工作日内', rel('该信息形成或者变更之日起', 20, '工作日')],
  ['自该信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的，从其规定。', rel('该信息形成或者变更之日起', 20, '工作日', ['法律、法规对政府信息公开的期限另有规定的，从其规定'], true)],
  ['信息形成或者变更之日起20个工作日内', rel('信息形成或者变更之日起', 20, '工作日')],
  ['信息形成或变更之日起20个工作日内', rel('信息形成或变更之日起', 20, '工作日')],
  ['自政府信息形成或者变更之日起20个工作日内', rel('政府信息形成或者变更之日起', 20, '工作日')],
  ['自信息形成或者变更之日起20个工作日内予以公开', rel('信息形成或者变更之日起', 20, '工作日')],
  ['自制作或获取该信息之日起20个工作日内公开', rel('制作或获取该信息之日起', 20, '工作日')],
  ['信息形成之日起20个工作日内', rel('信息形成之日起', 20, '工作日')],
  ['20工作日', rel('', 20, '工作日')],
  ['制定或获取信息之日起10个工作日内', rel('制定或获取信息之日起', 10, '工作日')],
  ['制定或获取信息之日起10个工作日内,公示7个工作日', rel('制定或获取信息之日起', 10, '工作日', ['公示7个工作日'])],
  ['信息形成或变更之日起10个工作日内', rel('信息形成或变更之日起', 10, '工作日')],
  ['信息形成或变更之日起3个工作日内', rel('信息形成或变更之日起', 3, '工作日')],
  ['本级人民代表大会或其常务委员会批准后20日内', rel('本级人民代表大会或其常务委员会批准后', 20, '日')],
  ['本级政府财政部门批复后20日内', rel('本级政府财政部门批复后', 20, '日')],
  ['制 定 或 获 取 信 息之日起 10 个 工作日内', rel('制定或获取信息之日起', 10, '工作日')],
  ['检查及查处结果作出之日起的7个工作日内', rel('检查及查处结果作出之日起', 7, '工作日')],
  ['自信息形成之日起三十个工作日内', rel('信息形成之日起', 30, '工作日')],
  ['收到申请之日起１５个工作日内', rel('收到申请之日起', 15, '工作日')],
  ['法律法规另有规定的，从其规定；自信息形成之日起20个工作日内', rel('信息形成之日起', 20, '工作日', ['法律法规另有规定的，从其规定'], true)],
  ['每季度结束后15日内', rel('每季度结束后', 15, '日')],
  ['实时更新', qual('实时更新')],
  ['实时公开', qual('实时更新')],
  ['及时公开', qual('及时公开')],
  ['长期', qual('长期')],
  ['常年公开', qual('长期')],
  ['季度出刊', qual('季度出刊')],
  ['每季度', qual('每季度')],
  ['每年1月31日前', qual('每年M月D日前', { month: 1, day: 31 })],
  ['每年3月31日前', qual('每年M月D日前', { month: 3, day: 31 })],
  ['每年1月底前', qual('每年M月D日前', { month: 1, day: 31 })],
  ['每年十二月三十一日前', qual('每年M月D日前', { month: 12, day: 31 })],
  ['定期公开', qual('定期')],
  ['按照上级要求办理', { kind: 'unparsed' }],
  ['', { kind: 'unparsed' }],
];

describe('parseDeadline', () => {
  it.each(TABLE)('%s', (text, expected) => {
    expect(parseDeadline(text)).toEqual(expected);
  });

  it('resolves 同上 to the row above', () => {
    expect(parseDeadline('同上', '每年1月31日前')).toEqual(qual('同上', { resolved: qual('每年M月D日前', { month: 1, day: 31 }) }));
    expect(parseDeadline(' 同 上 ', '自该信息形成或者变更之日起20个工作日内')).toEqual(qual('同上', { resolved: rel('该信息形成或者变更之日起', 20, '工作日') }));
    // nothing above, or 同上 above (the caller resolves chains): unresolved
    expect(parseDeadline('同上')).toEqual(qual('同上'));
    expect(parseDeadline('同上', '同上')).toEqual(qual('同上'));
  });

  it('compacts spaced OCR text and describes parsed values', () => {
    expect(compactDeadline('制 定 或 获 取 信 息之日起 １０ 个 工作日内')).toBe('制定或获取信息之日起10个工作日内');
    expect(describeDeadline(parseDeadline('自该信息形成或者变更之日起20个工作日内'))).toBe('该信息形成或者变更之日起20个工作日内');
    expect(describeDeadline(parseDeadline('每年1月底前'))).toBe('每年1月31日前');
    expect(describeDeadline(parseDeadline('季度出刊'))).toBe('季度出刊');
  });
});
