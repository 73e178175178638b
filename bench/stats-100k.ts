/**
 * stats-100k: the statistics of issue 4 at scale. 100,000 applications received over 2024–2025
 * (test/stats/gen.ts: every outcome, 补正 restarts, extensions, consultation pauses) and a
 * 100,000-row event log as the sheet holds it (text rows) → parse the log, monthly roll-up of
 * 2025, 表三 of 2025 and of 2024 (carry-over check) and all 勾稽 checks: buildStats in one call.
 * No peer: no published tool computes 表三 from a register. verify_ms (hash chain over the
 * 100,000 log rows, SHA-256 in pure JS) is printed as an extra metric, without a goal.
 */
import { LOG_HEADER, appendEvents, buildStats, verifyLog } from '../forms-lib/stats/index.ts';
import type { LogEventInput } from '../forms-lib/stats/index.ts';
import { REGISTER_COLUMNS } from '../forms-lib/register/types.ts';
import { generateRegister, prng } from '../test/stats/gen.ts';
import { RssPeak, atMost, defineBenchmark, fmtMs, log, measure } from './lib/harness.ts';

const N = 100_000;
const FORMS = ['答复书', '补正告知书', '延期答复告知书', '征求意见书', '不予公开告知书'];

export default defineBenchmark({
  name: 'stats-100k',
  tags: ['stats', 'core'],
  description: 'buildStats: 100,000 log rows + 100,000 applications → monthly roll-up, 表三 (this and last year), checks',
  goal: [atMost('ours_ms', 100)],
  async run() {
    const rss = new RssPeak();
    const applications = generateRegister({ count: N, seed: 42, from: '2024-01-01', to: '2025-12-31' });
    const rnd = prng(43);
    const events: LogEventInput[] = [];
    for (let i = 0; i < N; i++) {
      const a = applications[i];
      const day = a.repliedOn ?? a.receivedOn;
      events.push({ type: 'form-generated', time: `${day}T${String(8 + Math.floor(rnd() * 10)).padStart(2, '0')}:00:00+08:00`, applicationId: a.id, form: FORMS[i % FORMS.length], operator: '经办人' });
    }
    const rows = appendEvents([], events);
    const baseMb = rss.sample() / 2 ** 20;

    let report: ReturnType<typeof buildStats> | undefined;
    const ours = await measure(
      () => {
        report = buildStats({ applications, year: 2025, logRows: rows, columns: REGISTER_COLUMNS });
      },
      { warmup: 8, runs: 15, afterEach: () => rss.sample() },
    );
    const peakRssMb = rss.mb();
    const verify = await measure(() => verifyLog({ visibility: 'veryHidden', header: [...LOG_HEADER], rows }), { warmup: 1, runs: 3 });

    const r = report!;
    const t3 = r.json.table3;
    const forms = r.json.monthly.reduce((s, m) => s + Object.values(m.formsIssued).reduce((x, y) => x + y, 0), 0);
    log(`stats-100k: ${N} applications, ${rows.length} log rows; rss ${baseMb.toFixed(0)} MB after generating, peak ${peakRssMb} MB`);
    log(`  buildStats: ${fmtMs(ours)}`);
    log(`  表三 2025: 新收 ${t3.rows[0].values[6]}, 结转 ${t3.rows[1].values[6]}, 总计 ${t3.rows[23].values[6]}, 结转下年 ${t3.rows[24].values[6]}; checks ${r.json.checks.map((c) => (c.ok ? '✓' : '✗')).join('')}`);
    log(`  monthly: ${r.json.monthly.length} months, forms issued in 2025 ${forms}`);
    log(`  verifyLog over ${rows.length} rows: ${fmtMs(verify)}`);
    if (!r.json.checks.every((c) => c.ok) || t3.rows[0].values[6] < N / 3 || forms < N / 3) throw new Error('sanity check failed: checks or counts off');
    return { ours_ms: ours.median, extra: { verify_ms: Math.round(verify.median), peak_rss_mb: peakRssMb } };
  },
});
