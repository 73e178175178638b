import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('correction-notice 补正告知书', () => {
  standardChecks('correction-notice', {
    provisional: ['请于2027年11月1日（暂定）前将补正后的申请提交'],
    extra: { items: '请写明所需信息的名称、文号或者便于查询的其他特征性描述。' },
    expect: [
      '楚雄州商务局政府信息公开申请补正告知书',
      '第三十条',
      '请写明所需信息的名称、文号或者便于查询的其他特征性描述。',
      // 15 working days after 2026-10-09 (the 10-10 调休 Saturday counts)
      '请于2026年10月29日前将补正后的申请提交我局。',
      '答复期限自我局收到补正的申请之日起计算',
      '视为放弃申请',
      '通信地址：楚雄市鹿城南路1号',
    ],
  });

  it('takes a typed 补正期限', async () => {
    const r = await generateForm('correction-notice', input({ docNumber: '楚商公开〔2026〕50号', extra: { items: '身份证明', supplementDue: '2026-11-02' } }));
    expect(allText(writePdf(r.pdf, 'correction-typed'))).toContain('请于2026年11月2日前');
  });
});
