/**
 * Record keys for posts Slowpost writes: TIDs (timestamp identifiers), as the AT Protocol names a
 * post's record, chosen by the client so that the record's address is known before it is sent.
 * 64 bits: 0, 53 bits of microseconds since 1970, 10 bits of clock id; 13 characters of
 * base32-sortable.
 */
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** The TID of this instant (epoch ms) with sub-millisecond and clock bits from `random` in [0, 1). */
export function tidAt(epochMs: number, random: () => number): string {
  const micros = BigInt(Math.floor(epochMs)) * 1000n + BigInt(Math.floor(random() * 1000));
  const clockId = BigInt(Math.floor(random() * 1024));
  let value = (micros << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = ALPHABET.charAt(Number(value & 31n)) + out;
    value >>= 5n;
  }
  return out;
}
