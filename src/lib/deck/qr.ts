/**
 * A QR code as one SVG path, made on the device (uqr): the card's address never goes to an
 * outside service. One path keeps the DOM small and needs no inline styles (CSP).
 */
import { encode } from 'uqr';

export interface QrShape {
  /** Modules per side, border included. */
  size: number;
  /** SVG path data: one 1×1 square per dark module. */
  d: string;
}

export function qrShape(text: string): QrShape {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, d };
}
