/** The QR code of a card's address, drawn locally. Loaded only when someone asks for it. */
import { qrShape } from '../lib/deck/qr';

export default function QrCode({ url, label }: { url: string; label: string }) {
  const { size, d } = qrShape(url);
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
