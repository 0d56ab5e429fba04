/**
 * A QR code as one SVG path, made on the device (uqr): the card's address never goes to an
 * outside service. One path keeps the DOM small and needs no inline styles (CSP).
 */
import { encode } from 'uqr';

export interface QrShape {
  /** Modules per side, border included. */
  size: number;
  /** SVG path data: one 1-high rectangle per run of dark modules in a row. */
  d: string;
}

export function qrShape(text: string): QrShape {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  // One rectangle per run of dark modules in a row: the printed deck holds 52 codes, and this
  // keeps their paths about a third of the size of one square per module.
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run += 1;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return { size, d };
}
