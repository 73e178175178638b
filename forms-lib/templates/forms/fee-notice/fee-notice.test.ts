import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('fee-notice 信息处理费收费通知书', () => {
  standardChecks('fee-notice', {
    provisional: ['请于2027年11月8日（暂定）前通过'],
    extra: { basis: '按件', quantity: '本月第11件', amount: '100', payment: '银行转账（户名：楚雄州商务局，账号见背面）。' },
    expect: ['《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', '我局决定收取信息处理费（计收方式：按件）：本月第11件，计人民币100元。', '请于2026年11月5日前通过以下方式缴纳：银行转账', '不计算在答复期限内', '视为放弃申请'],
  });
});
