/**
 * The room at tables on the projector: every table's spread side by side, one small chart per
 * table with its number and card, the counts until it revealed, and the table the presenter
 * called highlighted with its summary. Only what the snapshot carries: no names, no seats.
 */
import { fill } from '../../i18n/fill';
import type { AudienceTable } from '../../lib/room/audience';
import type { AudienceStrings } from './AudienceView';
import { Spread } from './Spread';
import '../../styles/room-tables.css';

export function TablesAudience({
  t,
  tables,
  card,
}: {
  t: AudienceStrings;
  tables: readonly AudienceTable[];
  /** The title of the card the projector shows above the tables, if any. */
  card?: string | undefined;
}) {
  const tt = t.room.tables;
  const called = tables.find((table) => table.called);
  // Every table on the card shown above them: its title and poles stand there once, not in every box.
  const same = card !== undefined && tables.every((table) => table.title === card);
  // Columns so that 20 tables still fit one 16:9 screen (measured at 1920×1080: 4 rows of 5).
  const cols = tables.length <= 2 ? 2 : tables.length <= 6 ? 3 : tables.length <= 12 ? 4 : 5;
  return (
    <section class="audience-tables" aria-labelledby="audience-tables-h">
      <h2 id="audience-tables-h" class="visually-hidden">
        {tt.audience}
      </h2>
      {called && (
        <div class="audience-table-called" role="status">
          <p class="audience-table-called-head">{fill(t.lang, tt.called, { n: called.n })}</p>
          {called.summary && <p class="audience-table-summary">{called.summary}</p>}
        </div>
      )}
      <ul class={`audience-tables-grid is-${cols}${same ? ' is-same' : ''}`}>
        {tables.map((table) => (
          <li key={table.n} class={table.called ? 'is-called' : undefined}>
            <TableSpread t={t} table={table} titled={!same} compact={cols === 5} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TableSpread({
  t,
  table,
  titled,
  compact,
}: {
  t: AudienceStrings;
  table: AudienceTable;
  titled: boolean;
  /** 13-20 tables: the count as "4/5" on screen (one line in a narrow box), the sentence for screen readers. */
  compact: boolean;
}) {
  const tt = t.room.tables;
  const chosen = fill(t.lang, tt.chosen, { chosen: table.chosen, size: table.size });
  const id = `audience-table-${table.n}`;
  return (
    <section class="audience-table" aria-labelledby={id}>
      <h3 id={id}>
        {fill(t.lang, tt.table, { n: table.n })}
        {titled && <span class="audience-table-title"> · {table.title}</span>}
      </h3>
      {table.poles && table.spread ? (
        <Spread
          lang={t.lang}
          id={`${id}-spread`}
          values={table.spread.map((value) => ({ value }))}
          agreed={null}
          poles={table.poles}
          template={fill(t.lang, tt.chartText, { n: table.n })}
        />
      ) : (
        <p class="audience-table-count">
          {compact ? (
            <>
              <span aria-hidden="true">
                {table.chosen}/{table.size}
              </span>
              <span class="visually-hidden">{chosen}</span>
            </>
          ) : (
            chosen
          )}
        </p>
      )}
    </section>
  );
}
