/** The printable worksheets without a browser: blank sheets, one filled from a card, printing one sheet. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import Worksheets, { type SheetCard, type SheetData, type WorksheetStrings } from '../../src/islands/Worksheets';

const d = t('nl');
const strings: WorksheetStrings = {
  lang: 'nl',
  ...d.worksheets,
  cardNumber: d.card.number,
  perspectives: d.perspectives,
};

const sheets: SheetData[] = [
  {
    id: 'polen',
    layout: 'poles',
    title: 'Tussen twee polen',
    purpose: 'Team',
    instruction: 'Zet een kruisje.',
    prompts: [{ label: 'Waarom hier?', lines: 3 }],
    perspective: 'professional',
  },
  {
    id: 'netwerk',
    layout: 'network',
    title: 'Wie staan om je heen?',
    purpose: 'Jongere',
    instruction: 'Schrijf namen.',
    prompts: [],
    rings: ['Dichtbij', 'Verder', 'Ver weg'],
    center: 'De jongere of het gezin',
  },
  {
    id: 'acties',
    layout: 'actions',
    title: 'Afspraken',
    purpose: 'Team',
    instruction: 'Wie doet wat?',
    prompts: [],
    columns: ['Wat', 'Wie', 'Wanneer'],
    rows: 2,
  },
  {
    id: 'spiegel',
    layout: 'mirror',
    title: 'Spiegel',
    purpose: 'Jezelf',
    instruction: 'Kijk terug.',
    prompts: [{ label: 'Wat zag je?', lines: 2 }],
    perspective: 'ouder',
  },
];
const cards: SheetCard[] = [
  {
    id: 'kind-of-gezin',
    number: 5,
    title: 'Kracht van het kind of van het gezin?',
    summary: 'Bouw je op wat de jongere kan?',
    poles: ['Kracht van het kind', 'Kracht van het gezin'],
    questions: ['Vraag een?', 'Vraag twee?', 'Vraag drie?'],
    perspectives: { professional: ['Wat doe jij?'] },
    address: 'https://example.org/kaarten/kind-of-gezin/',
  },
  {
    id: 'wat-is-regie',
    number: 12,
    title: 'Wat is regie?',
    summary: 'Over regie.',
    questions: [],
    perspectives: {},
    address: 'https://example.org/kaarten/wat-is-regie/',
  },
];

afterEach(() => vi.restoreAllMocks());

describe('Worksheets island', () => {
  it('shows every sheet blank, with its number, writing lines and the layout of its kind', () => {
    render(<Worksheets sheets={sheets} cards={cards} t={strings} />);
    for (const [i, s] of sheets.entries()) {
      const sheet = screen.getByRole('region', { name: s.title });
      expect(within(sheet).getByText(fill('nl', strings.sheetOf, { i: i + 1, n: sheets.length }))).toBeTruthy();
    }
    const poles = screen.getByRole('region', { name: 'Tussen twee polen' });
    expect(within(poles).getByText(strings.poleA)).toBeTruthy();
    expect(within(poles).getByText(strings.cardBlank)).toBeTruthy();
    expect(poles.querySelectorAll('.ws-line')).toHaveLength(3);
    expect(screen.getByRole('img', { name: 'De jongere of het gezin, Dichtbij, Verder, Ver weg' })).toBeTruthy();
    const table = within(screen.getByRole('region', { name: 'Afspraken' })).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Wat', 'Wie', 'Wanneer']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it("fills the sheets from a chosen card: its poles, its questions for the sheet's role, its address", () => {
    render(<Worksheets sheets={sheets} cards={cards} t={strings} />);
    fireEvent.change(screen.getByLabelText(strings.chooseCard), { target: { value: 'kind-of-gezin' } });
    const poles = screen.getByRole('region', { name: 'Tussen twee polen' });
    expect(within(poles).getByText('Kracht van het kind')).toBeTruthy();
    expect(
      within(poles).getByRole('heading', { name: `${strings.cardQuestions} (${d.perspectives.professional})` }),
    ).toBeTruthy();
    // The role's questions, then the first two general ones.
    expect(
      within(poles)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Wat doe jij?', 'Vraag een?', 'Vraag twee?']);
    expect(within(poles).getByText(`${strings.moreOnline} https://example.org/kaarten/kind-of-gezin/`)).toBeTruthy();
    // A role the card has no questions for: no question block.
    expect(within(screen.getByRole('region', { name: 'Spiegel' })).queryByRole('list')).toBeNull();
    fireEvent.change(screen.getByLabelText(strings.chooseCard), { target: { value: 'wat-is-regie' } });
    expect(within(poles).getByText(strings.poleB)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(strings.chooseCard), { target: { value: '' } });
    expect(within(poles).getByText(strings.cardBlank)).toBeTruthy();
  });

  it('prints all sheets, or one sheet until the print dialog closes', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<Worksheets sheets={sheets} cards={cards} t={strings} />);
    fireEvent.click(screen.getByRole('button', { name: strings.print }));
    expect(print).toHaveBeenCalledTimes(1);
    const network = screen.getByRole('region', { name: 'Wie staan om je heen?' });
    fireEvent.click(within(network).getByRole('button', { name: strings.printOne }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    const skipped = () =>
      sheets.filter((s) => document.getElementById(s.id)!.classList.contains('ws-skip-print')).map((s) => s.id);
    expect(skipped()).toEqual(['polen', 'acties', 'spiegel']);
    fireEvent(window, new Event('afterprint'));
    expect(skipped()).toEqual([]);
    vi.unstubAllGlobals();
  });
});
