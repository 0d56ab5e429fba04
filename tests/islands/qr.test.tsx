/** The card's QR code, drawn locally: an image with its address as the name, black modules on white. */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import QrCode from '../../src/islands/QrCode';
import { qrShape } from '../../src/lib/deck/qr';

describe('QrCode island', () => {
  it('draws the address as one path on a white square, named for screen readers', () => {
    const url = 'https://example.org/kaarten/kind-of-gezin/';
    render(<QrCode url={url} label={`QR: ${url}`} />);
    const svg = screen.getByRole('img', { name: `QR: ${url}` });
    const { size, d } = qrShape(url);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#fff');
    expect(svg.querySelector('path')?.getAttribute('d')).toBe(d);
    expect(d.length).toBeGreaterThan(0);
  });
});
