/**
 * The sample document of the pdf-* benchmarks: a one-page 政府信息公开申请答复书 (title, 文号,
 * salutation, body paragraphs with 600 hanzi, issuer and date with the seal box), in realistic
 * wording (domain.md §3 skeletons), varied per record so batched records are not identical.
 */

/** One record of the 答复书: what a template fills in. */
export interface DafushuRecord {
  title: string;
  docNumber: string;
  salutation: string;
  /** paragraphs separated by \n; exactly BODY_HANZI Han characters in all */
  body: string;
  issuer: string;
  /** ISO date */
  date: string;
  /** 成文日期 as printed (GB/T 9704-2012: Arabic numerals, 2026年3月8日) */
  dateText: string;
}

export const BODY_HANZI = 600;
/** body size (小四) and line pitch: 600 hanzi, title, 文号 and the seal on one A4 page */
export const BODY_SIZE = 12;
export const BODY_LINE_MM = 5.6;

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '秀英', '建华', '志强'];
const TOPICS = [
  '本市二〇二五年度城市道路维修工程的招标文件及中标结果',
  '楚商市老旧小区改造项目的资金使用情况',
  '城东片区征收补偿安置方案及其批准文件',
  '本区义务教育学校划片招生的具体范围',
  '二〇二五年度财政预算执行情况的审计报告',
];

export function hanziCount(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{Script=Han}/u.test(ch) && ch !== '〇') n++;
  return n;
}

/**
 * Record `i` (0-based). The body is cut or padded with the closing clause's wording so that it
 * holds exactly BODY_HANZI Han characters.
 */
export function dafushuRecord(i: number): DafushuRecord {
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
  const topic = TOPICS[i % TOPICS.length];
  const day = 3 + (i % 20);
  const replyDay = day + 5;
  const year = 2026;
  const paragraphs = [
    `本机关于${year}年3月${day}日收到您通过政府网站在线平台提出的政府信息公开申请，申请获取“${topic}”的政府信息，登记编号为楚商依申〔${year}〕${100 + i}号。经审查，根据《中华人民共和国政府信息公开条例》第三十六条的规定，现答复如下：`,
    `一、您申请获取的政府信息中，项目批准文件、资金安排计划及工程进度情况属于本机关在履行行政管理职能过程中制作并以一定形式记录、保存的信息，依法予以公开，现随本答复书一并提供，共计十二页。其中涉及个人身份证件号码、联系电话及家庭住址等内容，属于第三方个人隐私，公开后可能对第三方合法权益造成损害，本机关已依照条例第三十七条的规定作区分处理后提供。`,
    `二、您申请获取的施工单位内部管理资料，不属于本机关履行行政管理职能过程中制作或者获取的信息，本机关不掌握该信息。根据条例第三十六条第四项的规定，告知您该政府信息不存在。如您需要了解相关情况，可以向项目建设单位咨询，联系电话为零七一六八八二三四五六。`,
    `三、您在申请中提出的关于工程质量是否符合标准的问题，属于咨询性质，不属于条例所称政府信息公开申请的范围。根据条例第三十九条的规定，本机关告知您可以通过市长热线或者信访渠道反映，相关部门将依法处理。`,
    `如对本答复不服，可以在收到本答复书之日起六十日内向楚商市人民政府申请行政复议，或者在六个月内向楚商市东城区人民法院提起行政诉讼。如有疑问，请在工作日与本机关政府信息公开工作机构联系。特此告知。`,
  ];
  // A closing paragraph: a fixed lead, then two-character words (and 等 for an odd
  // remainder) so that the body has exactly BODY_HANZI hanzi whatever the name and topic.
  const words = ['道路', '桥梁', '排水', '绿化', '照明', '停车', '环卫', '公交', '供水', '燃气', '供热', '通信', '消防', '防汛', '管网', '广场', '公园', '河道', '堤防', '隧道'];
  const lead = '本次申请涉及的市政设施包括';
  let missing = BODY_HANZI - hanziCount(paragraphs.join('')) - hanziCount(lead);
  if (missing < 1 || missing > 2 * words.length + 1) throw new Error(`sample body cannot be padded to ${BODY_HANZI} hanzi (${missing} missing)`);
  const list = words.slice(0, Math.floor(missing / 2));
  missing -= 2 * list.length;
  paragraphs.splice(paragraphs.length - 1, 0, `${lead}${list.join('、')}${missing ? '等' : ''}。`);
  const body = paragraphs.join('\n');
  return {
    title: '政府信息公开申请答复书',
    docNumber: `楚商公复〔${year}〕${i + 1}号`,
    salutation: `${name}：`,
    body,
    issuer: '楚商市住房和城乡建设局',
    date: `${year}-03-${String(replyDay).padStart(2, '0')}`,
    dateText: `${year}年3月${replyDay}日`,
  };
}
