/** Typed arrays from the raw IEEE bit patterns (hex) that the NumPy fixtures store. */
export function fromBits(bits: readonly string[], dtype: 'float32' | 'float64'): Float32Array | Float64Array {
  if (dtype === 'float32') return new Float32Array(new Uint32Array(bits.map((hex) => Number.parseInt(hex, 16))).buffer);
  return new Float64Array(new BigUint64Array(bits.map((hex) => BigInt(`0x${hex}`))).buffer);
}
