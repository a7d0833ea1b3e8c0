// What the runtime's own weights predict: how many of one signed transaction fit the normal
// dispatch class of a block. Measured fullness and counts are read against this.

/**
 * The runtime's normal-class limits: total weight (ref time, proof size) and block length,
 * and the base weight every extrinsic is charged on top of its call and extensions.
 */
export function normalClass(api) {
  const { perClass } = api.consts.system.blockWeights;
  const normal = perClass.normal;
  const maxTotal = normal.maxTotal.unwrapOrDefault();
  const maxLength = api.consts.system.blockLength.max.normal.toNumber();
  return {
    maxRefTime: maxTotal.refTime.toBigInt(),
    maxProofSize: maxTotal.proofSize.toBigInt(),
    maxLength,
    baseExtrinsicRefTime: normal.baseExtrinsic.refTime.toBigInt(),
    baseExtrinsicProofSize: normal.baseExtrinsic.proofSize.toBigInt(),
  };
}

/**
 * The prediction for `call` signed by `signer`, whose signed form `hex` is: its weight as
 * the block accounts it (`paymentInfo`, i.e. `TransactionPaymentApi_query_info`, whose
 * weight holds the call and the transaction extensions, plus the class's base extrinsic
 * weight) and the count of it that fits by ref time, by proof size and by length; the
 * smallest is the prediction.
 */
export async function predict(api, call, signer, hex) {
  const limits = normalClass(api);
  const length = (hex.length - 2) / 2;
  const info = await api.tx(call).paymentInfo(signer);
  const refTime = info.weight.refTime.toBigInt() + limits.baseExtrinsicRefTime;
  const proofSize = info.weight.proofSize.toBigInt() + limits.baseExtrinsicProofSize;
  const byRefTime = Number(limits.maxRefTime / refTime);
  const byProofSize = proofSize > 0n ? Number(limits.maxProofSize / proofSize) : Infinity;
  const byLength = Math.floor(limits.maxLength / length);
  const perBlock = Math.min(byRefTime, byProofSize, byLength);
  return {
    txRefTime: Number(refTime),
    txProofSize: Number(proofSize),
    txLength: length,
    fitByRefTime: byRefTime,
    fitByProofSize: Number.isFinite(byProofSize) ? byProofSize : null,
    fitByLength: byLength,
    perBlock,
    limitedBy: perBlock === byRefTime ? 'refTime' : perBlock === byProofSize ? 'proofSize' : 'length',
    normalMaxRefTime: Number(limits.maxRefTime),
    normalMaxProofSize: Number(limits.maxProofSize),
  };
}

/**
 * Transactions a phase offers when the weights size it: over three blocks' worth, so at
 * least two blocks are full wherever the submission falls against the block boundaries (a
 * first block taking part of them and the last the rest).
 */
export const FILL_BLOCKS = 3.2;

/** How many of `tx` signed by `signer` fill `FILL_BLOCKS` blocks by the weights' prediction. */
export async function countToFill(api, tx, signer) {
  const signed = await tx.signAsync(signer, { nonce: 0, era: 0 });
  const { perBlock } = await predict(api, tx.method, signer, signed.toHex());
  return Math.ceil(perBlock * FILL_BLOCKS);
}
