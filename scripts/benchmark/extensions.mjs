// The transaction extensions a signed transaction of this runtime runs (runtime/src/lib.rs,
// `TxExtension`), as benchmarks of the `benchmark pallet` summaries. CheckMetadataHash has
// no benchmark and no weight.
const SIGNED = [
  ['frame_system_extensions', 'check_non_zero_sender'],
  ['frame_system_extensions', 'check_spec_version'],
  ['frame_system_extensions', 'check_tx_version'],
  ['frame_system_extensions', 'check_genesis'],
  ['frame_system_extensions', 'check_mortality_mortal_transaction'],
  ['frame_system_extensions', 'check_nonce'],
  ['frame_system_extensions', 'check_weight'],
  ['pallet_transaction_payment', 'charge_transaction_payment'],
  ['frame_system_extensions', 'weight_reclaim'],
];

/**
 * The extensions' benchmarks: `{ name, ps, reads, writes, proof }` each (execution in
 * picoseconds, database reads and writes, proof size in bytes), from the summaries of their
 * pallets.
 */
export function signedExtensions(summaries) {
  return SIGNED.map(([pallet, name]) => {
    const summary = summaries.find((s) => s.pallet === pallet);
    const bench = summary?.benchmarks.find((b) => b.name === name);
    if (!bench) throw new Error(`no benchmark ${pallet}::${name}`);
    return {
      name,
      ps: bench.base_weight_ps,
      reads: bench.base_reads,
      writes: bench.base_writes,
      proof: bench.base_proof_size,
    };
  });
}
