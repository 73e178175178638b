/**
 * Deterministic synthetic 主动公开事项目录 for benchmarks: the standard 14-column layout
 * (addin/catalogue/testing.ts), realistic Chinese text, and ~3 % seeded defects whose row
 * numbers are recorded so a benchmark can check that both sides really validated.
 */
import type { CellRange, Grid, Scalar } from '../../addin/catalogue/grid.ts';
import { STD_COLUMNS, catalogueGrid } from '../../addin/catalogue/testing.ts';
import { NATIONAL_CHANNELS } from '../../addin/catalogue/channels.ts';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The national list lives with the rules; the generator and the peer schema use the same one. */
export { NATIONAL_CHANNELS };

export const MARK = '√';

/**
 * Item names are unique across the catalogue, as in a real one (a repeated name is a finding of
 * near-duplicate): 一级 = department × category, 二级 = object × action, 三级 = object × action × aspect,
 * each drawn without replacement. No generic words (情况, 工作, 清单 …) at the ends and no 行政/信息,
 * which near-duplicate ignores when comparing names.
 */
const DEPARTMENTS = ['商务', '财政', '交通运输', '生态环境', '住房城乡建设', '农业农村', '市场监管', '卫生健康', '教育', '民政', '人力资源社会保障', '自然资源', '水利', '文化旅游', '应急管理', '林业'];
const CATEGORIES = ['机构职能', '政策文件', '规划计划', '财政资金', '许可审批', '处罚强制', '重大决策', '建议提案办理', '人事招录', '政府采购', '统计数据', '应急处置', '公共服务', '社会救助', '监督检查', '权责清单动态调整'];
const OBJECTS = [
  '外商投资企业', '对外贸易经营者', '成品油零售企业', '报废机动车回收企业', '再生资源回收经营者', '单用途预付卡发卡企业', '典当行', '融资租赁公司', '商业保理公司', '拍卖企业',
  '直销企业', '商业特许经营者', '酒类流通企业', '粮食收购企业', '药品零售企业', '农贸市场', '大型商超', '电子商务平台', '物流园区', '会展项目',
  '老字号企业', '步行街改造项目', '县域商业体系', '家政服务企业', '餐饮企业', '洗染企业', '美容美发企业', '汽车流通企业', '二手车交易市场', '旧货市场',
  '商品交易市场', '加油站', '成品油仓储企业', '边境贸易企业', '加工贸易企业', '服务外包企业', '技术进出口合同', '对外承包工程企业', '境外投资项目', '外资研发中心',
];
const ACTIONS = ['备案', '登记', '审批', '资格认定', '资质核准', '年度报告', '监督检查', '随机抽查', '处罚决定', '表彰奖励', '补助资金', '信用评价', '统计监测', '安全生产检查', '投诉处理', '专项整治', '项目申报', '资金拨付', '绩效评价', '政策兑现', '名录管理', '等级评定', '变更', '注销', '业务培训'];
const ASPECTS = ['办事指南', '申请条件', '办理结果', '结果公示', '评审结果', '分配结果', '政策解读', '办理流程', '收费标准', '监督电话'];

const CONTENT_PARTS = [
  '以本机关名义印发的行政规范性文件及其解读材料',
  '事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程',
  '行政许可的事项、依据、条件、数量、程序、期限以及需要提交的全部材料目录和申请书示范文本',
  '检查对象、检查内容、检查方式、检查结果及整改落实情况',
  '项目名称、申报主体、资金规模、补助标准、分配结果',
  '处罚决定书文号、案件名称、违法企业名称或违法自然人姓名、主要违法事实、处罚种类和依据、履行方式和期限',
  '部门预算、决算及其说明，“三公”经费预算决算情况',
  '年度工作计划、工作总结、重点工作任务进展情况',
  '机构名称、办公地址、办公时间、联系方式、负责人姓名',
  '政策文件的制定背景、主要内容、适用范围、执行标准、注意事项',
  '采购项目名称、采购方式、中标或成交供应商名称、中标金额',
  '突发事件的预警信息、应对情况、处置结果及恢复重建情况',
  '统计调查项目、统计数据发布日程、主要统计数据及其解读',
  '人大代表建议和政协委员提案的办理复文、办理总体情况',
  '申请人名称、补助金额、公示期限、监督举报电话',
];
const CONTENT_TAIL = ['等信息', '等相关内容', '以及相关图表和解读', '并及时更新', '（涉及国家秘密、商业秘密、个人隐私的除外）'];

const LAWS = [
  '《中华人民共和国政府信息公开条例》',
  '《中华人民共和国行政许可法》',
  '《中华人民共和国行政处罚法》',
  '《中华人民共和国预算法》',
  '《中华人民共和国政府采购法实施条例》',
  '《优化营商环境条例》',
  '《重大行政决策程序暂行条例》',
];
const ARTICLES = ['第十九条', '第二十条', '第二十一条', '第三十条', '第四十条', '第四十八条', '第十四条', '第五十四条', '第六十二条'];
const DOCS = [
  ['《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》', '国办发', 2019, 54],
  ['《国务院办公厅关于印发〈开展基层政务公开标准化规范化试点工作方案〉的通知》', '国办发', 2017, 42],
  ['《国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见》', '国办发', 2017, 94],
  ['《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》', '国办发', 2017, 97],
  ['《国务院办公厅关于推进社会公益事业建设领域政府信息公开的意见》', '国办发', 2018, 10],
  ['《关于全面推进政务公开工作的意见》', '中办发', 2016, 8],
  ['《国务院办公厅关于印发2017年政务公开工作要点的通知》', '国办发', 2017, 24],
] as const;

const DEADLINES = [
  '自该信息形成或者变更之日起20个工作日内',
  '信息形成或变更之日起20个工作日内',
  '行政处罚决定作出之日起7个工作日内',
  '作出行政许可决定之日起7个工作日内',
  '每年3月31日前',
  '每季度结束后15个工作日内',
  '预算批复后20日内',
  '实时更新',
  '政府采购合同签订之日起2个工作日内',
  '决算批复后20日内',
  '会议结束后5个工作日内',
];
const SUBJECTS = ['长治市商务局', '长治市商务局办公室', '长治市商务局综合行政执法队', '长治市商务局对外贸易科', '长治市商务局市场建设科', '长治市人民政府', '长治市商务事务服务中心', '潞州区人民政府办公室'];

export type DefectKind = 'missing' | 'badDocNo' | 'unknownChannel' | 'wrongMark' | 'shifted' | 'blankRow';

export interface CatalogueData {
  grid: Grid;
  /** 1-based sheet row of the first data row. */
  firstDataRow: number;
  /** Data rows only (what a row-oriented validator sees), each exactly 14 cells. */
  rows: Scalar[][];
  /** sheet row -> defect seeded into it */
  defects: Map<number, DefectKind>;
}

export interface GenOptions {
  rows?: number;
  seed?: number;
  /** Share of rows given a defect. */
  defectRate?: number;
}

const FIRST_DATA_ROW = 5; // catalogueGrid: title, blank, two header rows

export function generateCatalogue(o: GenOptions = {}): CatalogueData {
  const n = o.rows ?? 10_000;
  const rand = rng(o.seed ?? 20190054);
  const defectRate = o.defectRate ?? 0.03;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const col = (f: (typeof STD_COLUMNS)[number]) => STD_COLUMNS.indexOf(f);
  const C = {
    seq: col('seq'),
    l1: col('level1'),
    l2: col('level2'),
    l3: col('level3'),
    l4: col('level4'),
    content: col('content'),
    basis: col('basis'),
    deadline: col('deadline'),
    subject: col('subject'),
    channel: col('channel'),
    all: col('audienceAll'),
    specific: col('audienceSpecific'),
    active: col('modeActive'),
    onRequest: col('modeOnRequest'),
  };

  const docNo = (d: (typeof DOCS)[number]) => `${d[1]}〔${d[2]}〕${d[3]}号`;
  const basis = (): string => {
    const parts: string[] = [];
    const k = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < k; i++) {
      if (rand() < 0.55) {
        const a = pick(ARTICLES);
        parts.push(`${pick(LAWS)}${a}${rand() < 0.3 ? `、${pick(ARTICLES)}` : ''}`);
      } else {
        const d = pick(DOCS);
        parts.push(`${d[0]}（${docNo(d)}）`);
      }
    }
    return parts.join('；');
  };
  const content = (): string => {
    let s = '';
    const target = 60 + Math.floor(rand() * 91); // 60–150 characters
    while (s.length < target - 25) s += (s ? '；' : '') + pick(CONTENT_PARTS);
    s += pick(CONTENT_TAIL);
    if (s.length > 150) s = s.slice(0, 149);
    return s + '。';
  };
  const channel = (): string => {
    if (rand() < 0.1) return NATIONAL_CHANNELS.map((c, i) => (i === 0 || rand() < 0.2 ? '■' : '□') + c).join(' ');
    const k = 1 + Math.floor(rand() * 3);
    const chosen = new Set<string>(['政府网站']);
    while (chosen.size < k) chosen.add(pick(NATIONAL_CHANNELS));
    return [...chosen].map((c) => `■${c}`).join(' ');
  };

  const rows: Scalar[][] = [];
  const defects = new Map<number, DefectKind>();
  let seq = 0;
  /** Draw without replacement from a deterministic shuffle; wraps around only when exhausted. */
  const deck = (names: string[]) => {
    for (let i = names.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [names[i], names[j]] = [names[j], names[i]];
    }
    let k = 0;
    return () => names[k++ % names.length];
  };
  const nextL1 = deck(DEPARTMENTS.flatMap((d) => CATEGORIES.map((c) => d + c)));
  const nextL2 = deck(OBJECTS.flatMap((o) => ACTIONS.map((a) => o + a)));
  const nextL3 = deck(OBJECTS.flatMap((o) => ACTIONS.flatMap((a) => ASPECTS.map((x) => o + a + x))));
  let l1 = nextL1();
  let l2 = '';
  for (let i = 0; i < n; i++) {
    const sheetRow = FIRST_DATA_ROW + i;
    const row: Scalar[] = new Array<Scalar>(14).fill(null);
    const newL1 = i > 0 && rand() < 0.01;
    if (newL1) l1 = nextL1();
    if (!l2 || newL1 || rand() < 0.09) l2 = nextL2(); // a new 一级 starts a new branch
    row[C.seq] = ++seq;
    row[C.l1] = l1;
    row[C.l2] = l2;
    if (rand() < 0.6) row[C.l3] = nextL3();
    row[C.content] = content();
    row[C.basis] = basis();
    row[C.deadline] = pick(DEADLINES);
    row[C.subject] = pick(SUBJECTS);
    row[C.channel] = channel();
    const specific = rand() < 0.12;
    row[C.all] = specific ? null : MARK;
    row[C.specific] = specific ? MARK : null;
    const onRequest = rand() < 0.05;
    row[C.active] = onRequest ? null : MARK;
    row[C.onRequest] = onRequest ? MARK : null;

    if (rand() < defectRate) {
      const d = rand();
      const kind: DefectKind = d < 0.34 ? 'missing' : d < 0.54 ? 'badDocNo' : d < 0.7 ? 'unknownChannel' : d < 0.9 ? 'wrongMark' : d < 0.97 ? 'shifted' : 'blankRow';
      defects.set(sheetRow, kind);
      switch (kind) {
        case 'missing':
          // (公开内容 may be left blank when a 三级事项 names it: not a defect, so only blanked without one)
          row[pick(row[C.l3] ? [C.basis, C.deadline, C.subject, C.channel] : [C.content, C.basis, C.deadline, C.subject, C.channel])] = null;
          break;
        case 'badDocNo': {
          const d = pick(DOCS);
          const bad = pick([`${d[1]}[${d[2]}]${d[3]}号`, `${d[1]}（${d[2]}）${d[3]}号`, `${d[1]}〔${d[2]}〕0${d[3]}号`, `${d[1]}【${d[2]}】${d[3]}号`, `${d[1]}(${d[2]})${d[3]}号`]);
          row[C.basis] = `${d[0]}（${bad}）`;
          break;
        }
        case 'unknownChannel':
          row[C.channel] = `■政府网站 ■${pick(['门户网站', '电子显示屏', '手机短信平台', '宣传折页', '户外大屏'])}`;
          break;
        case 'wrongMark':
          row[row[C.all] ? C.all : C.specific] = pick(['×', '○', 'v', '否', '*']);
          break;
        case 'shifted':
          // text pasted from a PDF one cell to the left: 公开内容…依申请公开 land in 四级事项…主动
          row[C.l4] = null;
          for (let c = C.l4; c < C.onRequest; c++) row[c] = row[c + 1];
          row[C.onRequest] = null;
          break;
        case 'blankRow':
          row.fill(null);
          seq--;
          break;
      }
    }
    rows.push(row);
  }

  // 一级事项 is merged down over each run of equal values (not across blank rows), as in real files
  const merges: CellRange[] = [];
  const values = rows.map((r) => r.slice());
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[i][C.l1] !== null && values[j][C.l1] === values[i][C.l1]) j++;
    if (j - i > 1) {
      merges.push({ r1: FIRST_DATA_ROW + i, c1: C.l1 + 1, r2: FIRST_DATA_ROW + j - 1, c2: C.l1 + 1 });
      for (let k = i + 1; k < j; k++) values[k][C.l1] = null;
    }
    i = j;
  }
  const grid = catalogueGrid(values);
  grid.merges.push(...merges);
  return { grid, firstDataRow: FIRST_DATA_ROW, rows: values.map((r) => r.slice()), defects };
}
