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

export function TablesAudience({ t, tables }: { t: AudienceStrings; tables: readonly AudienceTable[] }) {
  const tt = t.room.tables;
  const called = tables.find((table) => table.called);
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
      <ul class={`audience-tables-grid is-${Math.min(tables.length, 4)}`}>
        {tables.map((table) => (
          <li key={table.n} class={table.called ? 'is-called' : undefined}>
            <TableSpread t={t} table={table} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TableSpread({ t, table }: { t: AudienceStrings; table: AudienceTable }) {
  const tt = t.room.tables;
  const id = `audience-table-${table.n}`;
  return (
    <section class="audience-table" aria-labelledby={id}>
      <h3 id={id}>
        {fill(t.lang, tt.table, { n: table.n })}
        <span class="audience-table-title"> · {table.title}</span>
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
        <p class="audience-table-count">{fill(t.lang, tt.chosen, { chosen: table.chosen, size: table.size })}</p>
      )}
    </section>
  );
}
