import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEDIES, SettingsError, parseSettings, remediesFor, docPatternFor } from '../index.ts';
import { SETTINGS } from './helpers.ts';

describe('parseSettings', () => {
  it('fills defaults: 20 + 20 working days, 5 for the 承办科室, 本机关, default remedies', () => {
    const s = parseSettings({ office: { name: '某市某局' } });
    expect(s.deadlines).toEqual({ replyDays: 20, extensionDays: 20, departmentDays: 5, supplementDays: 15, consultationDays: 15, feePaymentDays: 20 });
    expect(s.office.selfName).toBe('本机关');
    expect(remediesFor(s, 'reply-refuse')).toBe(DEFAULT_REMEDIES);
    expect(DEFAULT_REMEDIES).toContain('60日内');
    expect(DEFAULT_REMEDIES).toContain('6个月内');
    expect(docPatternFor(s, 'reply-refuse')).toBeUndefined();
  });

  it('keeps the seed office 15 + 15 and per-type remedies and patterns', () => {
    const s = parseSettings({ ...SETTINGS, remedies: { default: '甲', 'reply-refuse': '乙' } });
    expect(s.deadlines.replyDays).toBe(15);
    expect(s.deadlines.extensionDays).toBe(15);
    expect(remediesFor(s, 'reply-refuse')).toBe('乙');
    expect(remediesFor(s, 'reply-disclose')).toBe('甲');
    expect(docPatternFor(s, 'receipt')).toBe('楚商公开受〔{year}〕{n}号');
    expect(docPatternFor(s, 'reply-refuse')).toBe('楚商公开〔{year}〕{n}号');
    // parsing twice gives the same
    expect(parseSettings(s)).toEqual(s);
  });

  const errorOf = (input: unknown): SettingsError => {
    try {
      parseSettings(input);
    } catch (err) {
      if (err instanceof SettingsError) return err;
      throw err;
    }
    throw new Error('no error');
  };

  it('names the JSON path in Chinese and English', () => {
    const e = errorOf({ office: { name: '' }, deadlines: { replyDays: 25 }, docNumbers: { receipt: '楚商〔{year}〕号' }, remedies: { 'reply-nope': 'x' } });
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i]));
    expect(byPath['$.office.name'].zh).toBe('不能少于 1 个字符');
    expect(byPath['$.deadlines.replyDays'].zh).toBe('不能大于 20');
    expect(byPath['$.docNumbers.receipt'].zh).toContain('须恰好含一个序号占位符 {n}');
    expect(byPath['$.docNumbers.receipt'].en).toContain('must contain exactly one {n}');
    expect(e.message).toContain('$.deadlines.replyDays: 不能大于 20 / ');
    expect(e.issues.some((i) => i.path.startsWith('$.remedies'))).toBe(true);
  });

  it('reports a missing office name, unknown keys and a bad postcode', () => {
    const e = errorOf({ office: { postcode: '12345' }, colour: 'red' });
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('$.office.name');
    expect(paths).toContain('$.office.postcode');
    expect(e.issues.find((i) => i.path === '$.office.name')?.zh).toBe('必填项缺失');
    expect(e.issues.find((i) => i.path === '$')?.zh).toBe('未知的设置项 colour');
  });

  it('says which type a value has when it has the wrong one, not that it is missing', () => {
    expect(errorOf({ office: { name: 123 } }).issues[0]).toMatchObject({ path: '$.office.name', zh: '类型错误：应为文本，实为数字' });
    expect(errorOf({ office: { name: '某局' }, deadlines: { replyDays: '二十' } }).issues[0]).toMatchObject({ path: '$.deadlines.replyDays', zh: '类型错误：应为数字，实为文本' });
  });

  it('wants file bytes for the letterhead', () => {
    const e = errorOf({ office: { name: '某局' }, letterhead: 'letterhead.pdf' });
    expect(e.issues[0]).toMatchObject({ path: '$.letterhead', zh: '须为非空文件字节（Uint8Array）' });
  });
});

describe('SEED_004_SETTINGS', () => {
  it('is valid and carries the seed office rules', async () => {
    const { SEED_004_SETTINGS } = await import('../index.ts');
    const s = parseSettings(SEED_004_SETTINGS);
    expect(s.deadlines).toMatchObject({ replyDays: 15, extensionDays: 15, departmentDays: 5 });
    expect(s.office.selfName).toBe('我局');
    expect(s.office.contactPerson).toBeUndefined();
  });
});
