import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../calendar/index.ts';
import { idKindOf, outcomeRegister, parseApplicantType, parseChannel, parseOutcome } from './enums.ts';
import { APPLICANT_TYPES, OUTCOMES } from './types.ts';

describe('parseChannel', () => {
  it.each(CHANNELS.map((c) => [c, c]))('canonical %s', (raw, value) => {
    expect(parseChannel(raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['当面提交', '当面'], [' 现场 申请 ', '当面'], ['窗口', '当面'],
    ['邮政寄送', '邮寄'], ['挂号信', '邮寄'], ['EMS', '邮寄'], ['快递', '邮寄'],
    ['平信', '平常信函'], ['普通信函', '平常信函'],
    ['网上', '网络'], ['在线', '网络'], ['网上申请', '网络'], ['在线平台', '网络'], ['互联网', '网络'], ['政府网站', '网络'],
    ['FAX', '传真'],
    ['email', '电子邮件'], ['E-mail', '电子邮件'], ['ｅｍａｉｌ', '电子邮件'], ['电子邮箱', '电子邮件'], ['电邮', '电子邮件'],
  ])('%s → %s', (raw, value) => {
    expect(parseChannel(raw)).toEqual({ ok: true, value });
  });
  it.each(['信函', '信件', '邮件', '口头', '电话'])('%s is ambiguous (the 第三十一条 receipt rule differs)', (raw) => {
    expect(parseChannel(raw)).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it.each(['微信', '', '其他'])('%j is unknown', (raw) => {
    expect(parseChannel(raw)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('parseApplicantType', () => {
  it.each(APPLICANT_TYPES.map((t) => [t, t]))('canonical %s', (raw, value) => {
    expect(parseApplicantType(raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['公民', '自然人'], ['个人', '自然人'], ['企业', '商业企业'], ['公司', '商业企业'], ['律师事务所', '法律服务机构'],
    ['公益组织', '社会公益组织'], ['其它', '其他'], [' 自 然 人 ', '自然人'],
  ])('%s → %s', (raw, value) => {
    expect(parseApplicantType(raw)).toEqual({ ok: true, value });
  });
  it('法人 is not specific enough for 表三', () => {
    expect(parseApplicantType('法人')).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(parseApplicantType('法人或其他组织')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it('unknown', () => {
    expect(parseApplicantType('外国人')).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('parseOutcome', () => {
  it('reads all 21 register spellings', () => {
    expect(OUTCOMES).toHaveLength(21);
    for (const o of OUTCOMES) expect(parseOutcome(o.register)).toEqual({ ok: true, value: o.id });
  });
  it.each([
    ['不予公开/危及"三安全一稳定"', 'refuse-safety'],
    ["不予公开/危及'三安全一稳定'", 'refuse-safety'],
    ['不予公开/危及三安全一稳定', 'refuse-safety'],
    ['不予公开／属于国家秘密', 'refuse-secret'],
    ['不予公开 / 属于国家秘密', 'refuse-secret'],
    ['（三）不予公开/1.属于国家秘密', 'refuse-secret'],
    ['属于国家秘密', 'refuse-secret'],
    ['重复申请', 'not-handled-repeat'],
    ['不予处理-重复申请', 'not-handled-repeat'],
    ['其他处理/申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请', 'other-no-correction'],
    ['其他处理/申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请', 'other-no-correction'],
    ['其他处理/申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请', 'other-unpaid'],
    ['（一）予以公开', 'disclose'],
    ['部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
    ['其他处理/其他', 'other'],
    ['无法提供/2.没有现成信息需要另行制作', 'unable-needs-making'],
  ])('%s → %s', (raw, value) => {
    expect(parseOutcome(raw)).toEqual({ ok: true, value });
  });
  it.each(['不予公开', '无法提供', '不予处理', '其他处理', '其他'])('%s needs its sub-case', (raw) => {
    const r = parseOutcome(raw);
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it('lists the sub-cases of 不予公开 in the hint', () => {
    expect(parseOutcome('不予公开')).toEqual({
      ok: false,
      reason: 'ambiguous',
      hint: OUTCOMES.filter((o) => o.register.startsWith('不予公开/')).map((o) => o.register).join('、'),
    });
  });
  it.each(['同意公开', '已办结', '公开'])('%s is unknown', (raw) => {
    expect(parseOutcome(raw)).toEqual({ ok: false, reason: 'unknown' });
  });
  it('outcomeRegister gives the register spelling back', () => {
    expect(outcomeRegister('refuse-secret')).toBe('不予公开/属于国家秘密');
  });
});

describe('idKindOf', () => {
  it.each([
    ['居民身份证', 'resident'], ['身份证', 'resident'], ['二代身份证', 'resident'],
    ['统一社会信用代码', 'credit-code'], ['信用代码', 'credit-code'],
    ['护照', 'other'], ['', 'other'],
  ])('%j → %s', (raw, kind) => {
    expect(idKindOf(raw)).toBe(kind);
  });
});
