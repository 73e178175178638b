import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('reply-not-exist 答复书（信息不存在）', () => {
  standardChecks('reply-not-exist', {
    extra: { search: '我局检索了2025年度的收文、发文及档案目录。' },
    expect: ['我局检索了2025年度的收文、发文及档案目录。', '经检索，我局未制作或者获取您（单位）申请公开的政府信息', '第三十六条第（四）项', '该政府信息不存在'],
  });
});
