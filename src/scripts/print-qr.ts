/**
 * Draws the QR codes on the printed card backs (PrintCard.astro), on the device. Drawn into the
 * HTML at build time they made the print pages three times larger (52 codes of high-entropy path
 * data), and the offline copy with them; the addresses are in the page, and uqr is already cached
 * for the presenter's code. Without scripts the backs still print their full address.
 */
import { qrShape } from '../lib/deck/qr';

for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-qr]')) {
  const { size, d } = qrShape(svg.dataset.qr ?? '');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.querySelector('path')?.setAttribute('d', d);
}
