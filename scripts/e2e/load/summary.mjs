// The human summary of a run's results (the JSON is the record; this is for the terminal).

const fmt = (x) => (x === null || x === undefined ? '-' : String(x));
const pct = (x) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);
const trio = (s, f = fmt) => `${f(s.min)}/${f(s.median)}/${f(s.max)}`;

export function summaryText(result) {
  const lines = [`V2X throughput, ${result.mode} (${result.nodes.length} node${result.nodes.length > 1 ? 's' : ''}), ${result.durationSeconds} s, setup ${result.setupSeconds} s`];
  for (const p of result.phases) {
    const errors = Object.entries(p.dispatchErrors).map(([e, n]) => `${e} ×${n}`).join(', ') || 'none';
    const refused = Object.entries(p.refusedByPool).map(([e, n]) => `${e} ×${n}`).join('; ') || 'none';
    const lags = Object.entries(p.finalityLag.perNode).map(([n, s]) => `${n} max ${fmt(s.max)}`).join(', ');
    const rss = Object.entries(p.rssMiB).map(([n, s]) => `${n} ${fmt(s.max)}`).join(', ');
    lines.push(
      '',
      `${p.name} (${p.call})${p.complete ? '' : '  [INCOMPLETE]'}`,
      `  offered ${p.offered}, accepted by pool ${p.acceptedByPool}, included ${p.included}, succeeded ${p.succeeded}, failed ${p.failed} (${errors}); pool refusals: ${refused}`,
      `  sustained ${fmt(p.sustainedTps)} tx/s over ${p.blocks.full} full blocks (${fmt(p.spanTps)} with the blocks between them${p.blocks.emptyAtWeightLimit.length ? `, empty at the weight limit: #${p.blocks.emptyAtWeightLimit.join(', #')}` : ''}; overall ${fmt(p.overallTps)} tx/s over ${p.blocks.carrying} blocks #${fmt(p.blocks.first)}..#${fmt(p.blocks.last)})${p.tpsRatioToTransfers !== null ? `, ${p.tpsRatioToTransfers}× transfers` : ''}`,
      `  txs per block min/median/max ${trio(p.txPerBlock)}; per full block ${trio(p.txPerFullBlock)}; predicted ${p.prediction.perBlock} (by ${p.prediction.limitedBy}; ${p.prediction.txRefTime} ps, ${p.prediction.txProofSize} B proof per tx) -> measured/predicted ${fmt(p.prediction.measuredOverPredicted)}`,
      `  fullness of full blocks (normal ref time) ${trio(p.fullness.refTime, pct)}, proof size ${trio(p.fullness.proofSize, pct)}`,
      `  proposals ended: ${JSON.stringify(p.endProposalReasons)}; build ms (full blocks) ${trio(p.buildMs)}`,
      ...(p.vehicleDays ? [`  vehicle-days (${p.vehicleDays.perTx} a transaction): ${fmt(p.vehicleDays.sustainedPerSecond)}/s sustained; per full block ${trio(p.vehicleDays.perFullBlock)}; predicted ${p.vehicleDays.predictedPerBlock}`] : []),
      `  finality lag (blocks) ${lags}${result.nodes.length > 1 ? `; across nodes max ${fmt(p.finalityLag.acrossNodes.max)}` : ''}; RSS MiB max ${rss}`,
    );
  }
  if (result.importBenchmark?.blocks?.length) {
    lines.push('', 'import of the full blocks (benchmark block):');
    for (const b of result.importBenchmark.blocks) {
      lines.push(`  #${b.block}: ${b.txs} txs in ${(b.timeNs / 1e6).toFixed(1)} ms = ${b.weightPercent}% of its weight (${(b.weightNs / 1e6).toFixed(1)} ms)`);
    }
  }
  if (result.missing.length) lines.push('', 'missing:', ...result.missing.map((m) => `  ${m}`));
  return lines.join('\n');
}
