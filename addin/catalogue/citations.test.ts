import { describe, expect, it } from 'vitest';
import { applyChanges, arabicArticles, bracketImbalances, chineseNumeral, citationsOf, findDocNumbers, listMarkers, missingSeparator, parseChineseNumeral, titleKey } from './citations.ts';

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [26, '二十六'],
    [49, '四十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
  ])('%i ↔ %s', (n, s) => {
    expect(chineseNumeral(n)).toBe(s);
    expect(parseChineseNumeral(s)).toBe(n);
  });
  it('reads 两 and 〇, rejects other text', () => {
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('三〇')).toBe(30);
    expect(parseChineseNumeral('二十个')).toBeUndefined();
  });
});

describe('findDocNumbers', () => {
  it('finds 文号 with any brackets, 第, leading zeros, missing 号', () => {
    const brief = (t: string) => findDocNumbers(t).map((d) => ({ prefix: d.prefix, raw: d.raw, canonical: d.canonical, hasDi: d.hasDi, hasHao: d.hasHao }));
    expect(brief('《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）')).toEqual([{ prefix: '国办发', raw: '〔2017〕47号', canonical: '〔2017〕47号', hasDi: false, hasHao: true }]);
    expect(brief('国办发[2017]47号、国办发（2017）47号、国办发【2017】47号、国办发［2017］47号')).toEqual(
      ['[2017]47号', '（2017）47号', '【2017】47号', '［2017］47号'].map((raw) => ({ prefix: '国办发', raw, canonical: '〔2017〕47号', hasDi: false, hasHao: true })),
    );
    expect(brief('国办发〔2017〕第47号')).toEqual([{ prefix: '国办发', raw: '〔2017〕第47号', canonical: '〔2017〕47号', hasDi: true, hasHao: true }]);
    expect(brief('国办发〔2017〕047号')).toEqual([{ prefix: '国办发', raw: '〔2017〕047号', canonical: '〔2017〕47号', hasDi: false, hasHao: true }]);
    expect(brief('（国办发〔2017〕47）')).toEqual([{ prefix: '国办发', raw: '〔2017〕47', canonical: '〔2017〕47号', hasDi: false, hasHao: false }]);
    // long run before the year: the office code is what follows the title
    expect(brief('长治市人民政府办公室关于印发实施方案的通知长政办发〔2020〕33号')[0].prefix).toBe('长政办发');
    expect(brief('(发改办法规〔2019〕752号)')[0].prefix).toBe('发改办法规');
  });
  it('ignores years that are not 文号', () => {
    expect(findDocNumbers('《法治政府建设实施纲要(2021—2025年)》')).toEqual([]);
    expect(findDocNumbers('（2017）47')).toEqual([]);
    expect(findDocNumbers('国办发(2017)47')).toEqual([]);
    expect(findDocNumbers('《中华人民共和国政府信息公开条例》(国令第711号)')).toEqual([]);
  });
});

describe('brackets, lists, articles', () => {
  it('counts unbalanced 《》 〈〉 （）', () => {
    expect(bracketImbalances('《权力清单制度的指导意见》的通知》(中办发〔2015〕21号)')).toEqual([{ open: '《', close: '》', opens: 1, closes: 2 }]);
    expect(bracketImbalances('《A〈B》（C')).toEqual([
      { open: '〈', close: '〉', opens: 1, closes: 0 },
      { open: '（', close: '）', opens: 1, closes: 0 },
    ]);
    expect(bracketImbalances('《A》（B)')).toEqual([]);
  });
  it('finds list markers 1. 2、 3． in order, only for a list that starts the cell', () => {
    const t = '1.《条例》第四条； 2、《意见》（中办发〔2016〕8号） 3．国务院文件';
    expect(listMarkers(t).map((m) => `${m.n}${m.style}`)).toEqual(['1.', '2、', '3．']);
    expect(listMarkers('见《条例》第四条 2.《意见》')).toEqual([]);
    expect(listMarkers('1.《条例》第四条')).toEqual([]);
    expect(listMarkers('1.《纲要（2021—2025年）》 2.5倍')).toEqual([]);
    const [, m2, m3] = listMarkers(t);
    expect(missingSeparator(t, m2)).toBeUndefined();
    expect(applyChanges(t, [missingSeparator(t, m3)!])).toBe('1.《条例》第四条； 2、《意见》（中办发〔2016〕8号）； 3．国务院文件');
    const u = '1.条例第四条。 2.意见';
    expect(applyChanges(u, [missingSeparator(u, listMarkers(u)[1])!])).toBe('1.条例第四条； 2.意见');
  });
  it('finds Arabic article numbers', () => {
    expect(arabicArticles('《条例》第20条、第3款，第一百零一条').map((a) => `${a.raw}→${a.fixed}`)).toEqual(['第20条→第二十条', '第3款→第三款']);
  });
});

describe('citationsOf', () => {
  it('pairs each 文号 with the title it belongs to', () => {
    const brief = (t: string) => citationsOf(t).map((c) => `${c.title} | ${c.docNo}`);
    expect(brief('《国务院办公厅关于印发2014年政府信息公开工作要点的通知》（国办发〔2014〕12号）')).toEqual(['国务院办公厅关于印发2014年政府信息公开工作要点的通知 | 国办发〔2014〕12号']);
    expect(brief('1.《中华人民共和国政府信息公开条例》第二十条； 2.国务院办公厅关于印发2014年政府信息公开工作要点的通知（国办发〔2014〕12号）“四是加强政府采购信息公开”')).toEqual([
      '国务院办公厅关于印发2014年政府信息公开工作要点的通知 | 国办发〔2014〕12号',
    ]);
    expect(brief('《国务院办公厅关于印发2021年政务公开工作要点的通知 国办发〔2021〕12号》二、紧扣宏观政策')).toEqual(['国务院办公厅关于印发2021年政务公开工作要点的通知 | 国办发〔2021〕12号']);
    expect(brief('长治市人民政府办公室《关于印发长治市2022年度政务公开工作考核方案的通知》长政办函〔2022〕25号')).toEqual(['关于印发长治市2022年度政务公开工作考核方案的通知 | 长政办函〔2022〕25号']);
    expect(brief('国家发展改革委办公厅关于印发《公共资源交易领域基层政务公开标准指引》的通知(发改办法规〔2019〕752号)')).toEqual([
      '国家发展改革委办公厅关于印发《公共资源交易领域基层政务公开标准指引》的通知 | 发改办法规〔2019〕752号',
    ]);
    expect(brief('《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》山西省人民政府办公厅关于印发山西省2022年政务公开工作要点的通知晋政办发〔2022〕38号')).toEqual([
      '山西省人民政府办公厅关于印发山西省2022年政务公开工作要点的通知 | 晋政办发〔2022〕38号',
    ]);
    expect(brief('《国务院办公厅关于印发2014年政府信息公开工作要点的通知》(国办发[2014]012号)')).toEqual(['国务院办公厅关于印发2014年政府信息公开工作要点的通知 | 国办发〔2014〕12号']);
  });
  it('compares titles without whitespace, marks or bracket width', () => {
    expect(titleKey('中共中央办公厅 国务院办公厅印发〈关于推行权力清单制度的指导意见〉的通知(试行)')).toBe('中共中央办公厅国务院办公厅印发关于推行权力清单制度的指导意见的通知（试行）');
  });
});
