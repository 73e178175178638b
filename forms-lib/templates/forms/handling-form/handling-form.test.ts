import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { allText, input, longText, standardChecks, writePdf } from '../../__tests__/helpers.ts';
import { APP } from '../../__tests__/helpers.ts';

describe('handling-form 依申请公开政府信息办理表', () => {
  standardChecks('handling-form', {
    // the 办理表's opinion cells are dated by hand (年 月 日)
    hides: ['today'],
    provisional: ['2027年10月22日（暂定）'],
    extra: { receiver: '王芳' },
    expect: ['楚雄州商务局依申请公开政府信息办理表', '申请人名称', '受理人及受理', '王芳', '2026年9月28日', '市场建设科', '答复期限', '2026年10月23日', '科室承办人意见', '政策法规科审查意见', '局领导审查意见', '备注'],
  });

  it('moves a request too long for its cell to a 续页, saying so in the cell', async () => {
    const long = longText();
    const r = await generateForm('handling-form', input({ application: { ...APP, request: long } }));
    const path = writePdf(r.pdf, 'handling-cont');
    const first = allText(path).split('续页：所需信息')[0];
    expect(first).toContain('（内容较长，见续页）');
    expect(first).toContain('局领导审查意见');
    expect(allText(path)).toContain(`续页：所需信息${long}`);
  });
});
