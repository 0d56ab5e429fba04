/**
 * The printable deck (/afdrukken/, /en/print/) in real Chromium: every card prints front and
 * back, no text runs out of a card, the backs are mirrored for a long-edge duplex flip, the crop
 * marks sit on the card edges, and the PDF has the expected number of A4 pages.
 */
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteFrom } from '../../src/lib/address';
import { LANGS, path as routePath } from '../../src/routes';
import { axe, launch, site } from '../support/browser';
import { readEntries } from '../support/content';

/** Cards per A4 page (2 x 2); each sheet of paper is a page of fronts and a page of backs. */
const PER_PAGE = 4;
const A4_MM = { w: 210, h: 297 };
/** PDF points per millimetre. */
const PT_PER_MM = 72 / 25.4;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  // bypassCSP only so that the axe script can be injected in the dark-mode check.
  page = await (await browser.newContext({ bypassCSP: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGS)('printable deck in %s', (lang) => {
  const cards = readEntries('cards', lang).sort((a, b) => Number(a.data.number) - Number(b.data.number));
  const fanOrder = cards.map((c) => c.slug);
  const expectedPages = 2 * Math.ceil(cards.length / PER_PAGE);

  beforeAll(async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const response = await page.goto(site(routePath('print', lang)));
    expect(response?.status()).toBe(200);
  });

  it('has every card, front and back, in fan order, a page of fronts then its mirrored backs', async () => {
    const sheets = await page.locator('.print-sheet').evaluateAll((els) =>
      els.map((sheet) => {
        const s = sheet.getBoundingClientRect();
        return {
          side: (sheet as HTMLElement).dataset.side,
          cards: [...sheet.querySelectorAll<HTMLElement>('.pc')].map((c) => {
            const r = c.getBoundingClientRect();
            // Position inside the sheet, as a fraction of the sheet, so the zoom does not matter.
            return {
              id: c.dataset.cardId!,
              side: c.dataset.side,
              left: (r.left - s.left) / s.width,
              right: (r.right - s.left) / s.width,
              top: (r.top - s.top) / s.height,
            };
          }),
        };
      }),
    );
    expect(sheets.length).toBe(expectedPages);
    expect(sheets.flatMap((s) => (s.side === 'front' ? s.cards.map((c) => c.id) : []))).toEqual(fanOrder);

    for (let i = 0; i < sheets.length; i += 2) {
      const [front, back] = [sheets[i]!, sheets[i + 1]!];
      expect([front.side, back.side]).toEqual(['front', 'back']);
      expect(front.cards.every((c) => c.side === 'front') && back.cards.every((c) => c.side === 'back')).toBe(true);
      expect(back.cards.map((c) => c.id).sort()).toEqual(front.cards.map((c) => c.id).sort());
      // Long-edge flip: the paper turns around its vertical axis, so each back must sit at the
      // mirrored x (1 - right edge of its front) and the same y.
      for (const f of front.cards) {
        const b = back.cards.find((c) => c.id === f.id)!;
        expect(b.left, `${f.id} back x`).toBeCloseTo(1 - f.right, 3);
        expect(b.top, `${f.id} back y`).toBeCloseTo(f.top, 3);
      }
    }
  });

  it('fits all text inside every card face when printed', async () => {
    const problems = await page.locator('.pc').evaluateAll((faces) => {
      const out: string[] = [];
      for (const face of faces as HTMLElement[]) {
        const box = face.getBoundingClientRect();
        const where = `${face.dataset.cardId} (${face.dataset.side})`;
        // The card itself and every block inside it; inline boxes have no scroll size, and the
        // screen-reader-only text is a 1 px clipped box by design.
        const blocks = [face, ...face.querySelectorAll<HTMLElement>('*')].filter(
          (el) => getComputedStyle(el).display !== 'inline' && !el.closest('.visually-hidden'),
        );
        for (const el of blocks) {
          const name =
            el === face ? 'card' : `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]}`;
          if (el.scrollHeight > el.clientHeight + 1)
            out.push(`${where} ${name}: ${el.scrollHeight}px of text in ${el.clientHeight}px`);
          if (el.scrollWidth > el.clientWidth + 1)
            out.push(`${where} ${name}: ${el.scrollWidth}px wide in ${el.clientWidth}px`);
          const r = el.getBoundingClientRect();
          if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1) {
            out.push(`${where} ${name}: sticks out of the card`);
          }
        }
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('leads every printed back to its card online: the full address in text and in a QR code that scans', async () => {
    const expected = cards.map((c) => new URL(routePath('card', lang, c.slug), siteFrom(process.env.KJK_SITE)).href);
    const backs = await page.locator('.pc-back').evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.cardId,
        text: el.querySelector('.pc-url a')?.textContent ?? '',
      })),
    );
    expect(backs.map((b) => b.id)).toEqual(fanOrder);
    expect(backs.map((b) => b.text)).toEqual(expected);
    // Each code as drawn, rasterised at 4 px a module and decoded: what a phone camera would read.
    const images = await page.locator('.pc-back .pc-qr').evaluateAll((svgs) =>
      Promise.all(
        svgs.map(async (svg) => {
          const size = (svg as SVGSVGElement).viewBox.baseVal.width * 4;
          const clone = svg.cloneNode(true) as SVGSVGElement;
          clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
          clone.setAttribute('width', String(size));
          clone.setAttribute('height', String(size));
          const img = new Image();
          img.src = `data:image/svg+xml,${encodeURIComponent(clone.outerHTML)}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = size;
          const g = canvas.getContext('2d')!;
          g.fillStyle = '#fff';
          g.fillRect(0, 0, size, size);
          g.drawImage(img, 0, 0);
          // One character a pixel (dark or light) keeps the answer small.
          const rgba = g.getImageData(0, 0, size, size).data;
          let bits = '';
          for (let i = 0; i < rgba.length; i += 4) bits += rgba[i]! < 128 ? '1' : '0';
          return { size, bits };
        }),
      ),
    );
    const decoded = images.map(({ size, bits }) => {
      const rgba = new Uint8ClampedArray(size * size * 4);
      for (let i = 0; i < bits.length; i += 1)
        rgba.fill(bits[i] === '1' ? 0 : 255, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
      return jsQR(rgba, size, size)?.data ?? null;
    });
    expect(decoded).toEqual(expected);
  });

  it('puts crop marks at each card corner, outside the card and inside the page', async () => {
    const sheets = await page.locator('.print-sheet').evaluateAll(
      (els, a4) =>
        els.map((sheet) => {
          const s = sheet.getBoundingClientRect();
          const mmX = (px: number) => ((px - s.left) / s.width) * a4.w;
          const mmY = (px: number) => ((px - s.top) / s.height) * a4.h;
          return {
            cards: [...sheet.querySelectorAll('.pc')].map((c) => {
              const r = c.getBoundingClientRect();
              return { x0: mmX(r.left), x1: mmX(r.right), y0: mmY(r.top), y1: mmY(r.bottom) };
            }),
            lines: [...sheet.querySelectorAll('svg.crop-marks line')].map((l) => ({
              x1: Number(l.getAttribute('x1')),
              y1: Number(l.getAttribute('y1')),
              x2: Number(l.getAttribute('x2')),
              y2: Number(l.getAttribute('y2')),
            })),
          };
        }),
      A4_MM,
    );

    const near = (a: number, b: number) => Math.abs(a - b) < 0.2;
    for (const { cards: faces, lines } of sheets) {
      expect(lines.length).toBe(faces.length * 8);
      for (const l of lines) {
        // Inside the page, clear of a printer's unprintable edge of about 4 mm.
        for (const x of [l.x1, l.x2]) expect(x > 4 && x < A4_MM.w - 4, `mark x ${x}`).toBe(true);
        for (const y of [l.y1, l.y2]) expect(y > 4 && y < A4_MM.h - 4, `mark y ${y}`).toBe(true);
        // Never on a card.
        for (const c of faces) {
          const inside =
            Math.min(l.x1, l.x2) < c.x1 - 0.2 &&
            Math.max(l.x1, l.x2) > c.x0 + 0.2 &&
            Math.min(l.y1, l.y2) < c.y1 - 0.2 &&
            Math.max(l.y1, l.y2) > c.y0 + 0.2;
          expect(inside, `mark crosses a card`).toBe(false);
        }
      }
      for (const c of faces) {
        for (const x of [c.x0, c.x1]) {
          for (const y of [c.y0, c.y1]) {
            // One mark along the horizontal edge and one along the vertical edge, each within 6 mm of the corner.
            const h = lines.filter(
              (l) =>
                near(l.y1, y) &&
                near(l.y2, y) &&
                Math.min(Math.abs(l.x1 - x), Math.abs(l.x2 - x)) < 6 &&
                (x === c.x0 ? Math.max(l.x1, l.x2) <= x + 0.2 : Math.min(l.x1, l.x2) >= x - 0.2),
            );
            const v = lines.filter(
              (l) =>
                near(l.x1, x) &&
                near(l.x2, x) &&
                Math.min(Math.abs(l.y1 - y), Math.abs(l.y2 - y)) < 6 &&
                (y === c.y0 ? Math.max(l.y1, l.y2) <= y + 0.2 : Math.min(l.y1, l.y2) >= y - 0.2),
            );
            expect([h.length, v.length], `corner ${x.toFixed(1)},${y.toFixed(1)}`).toEqual([1, 1]);
          }
        }
      }
    }
  });

  it(`prints as ${expectedPages} A4 pages`, async () => {
    const pdf = (await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).toString('latin1');
    // Page objects, not the /Pages tree node.
    const pages = pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? [];
    expect(pages.length).toBe(expectedPages);
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - A4_MM.w * PT_PER_MM)).toBeLessThan(2);
      expect(Math.abs(h! - A4_MM.h * PT_PER_MM)).toBeLessThan(2);
    }
  });

  it('shows the on-screen preview accessibly in dark mode, with one h1', async () => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await page.reload();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.pc h1, .pc h2').count()).toBe(0);
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  });
});
