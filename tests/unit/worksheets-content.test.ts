import { describe, expect, it } from 'vitest';
import { worksheetSchema } from '../../src/content.schema';
import { readEntries } from '../support/content';

const sheets = (lang: 'nl' | 'en') =>
  readEntries('werkbladen', lang).sort((a, b) => Number(a.data.order) - Number(b.data.order));

describe('worksheets content', () => {
  it('has the four sheets of the paper fan in both languages, with the same shape', () => {
    const nl = sheets('nl');
    const en = sheets('en');
    expect(nl.map((s) => s.data.layout)).toEqual(['poles', 'network', 'actions', 'mirror']);
    expect(en.map((s) => s.slug)).toEqual(nl.map((s) => s.slug));
    for (const [i, sheet] of nl.entries()) {
      const twin = en[i];
      expect(worksheetSchema.safeParse(sheet.data).success, sheet.slug).toBe(true);
      expect(worksheetSchema.safeParse(twin?.data).success, `en/${sheet.slug}`).toBe(true);
      const shape = (d: Record<string, unknown>) => ({
        layout: d.layout,
        order: d.order,
        prompts: (d.prompts as { lines: number }[]).map((p) => p.lines),
        columns: (d.columns as unknown[] | undefined)?.length,
        rows: d.rows,
        rings: (d.rings as unknown[] | undefined)?.length,
        perspective: d.perspective,
      });
      expect(shape(twin?.data ?? {}), sheet.slug).toEqual(shape(sheet.data));
    }
  });

  it('refuses a sheet whose layout needs are broken', () => {
    const base = {
      id: 'x',
      order: 1,
      layout: 'network',
      title: 'T',
      purpose: 'P',
      instruction: 'I',
      prompts: [{ label: 'L', lines: 3 }],
    };
    expect(worksheetSchema.safeParse(base).success).toBe(true);
    expect(worksheetSchema.safeParse({ ...base, rings: ['a', 'b'] }).success).toBe(false);
    expect(worksheetSchema.safeParse({ ...base, prompts: [] }).success).toBe(false);
    expect(worksheetSchema.safeParse({ ...base, prompts: [{ label: 'L', lines: 40 }] }).success).toBe(false);
    expect(worksheetSchema.safeParse({ ...base, layout: 'poster' }).success).toBe(false);
    expect(worksheetSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
  });
});
