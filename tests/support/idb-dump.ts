/** Reading the app's IndexedDB from a test, the same way in Playwright (tests/e2e) and the engine driver (tests/engines). */

export type Dump = Record<'sessions' | 'notes' | 'positions' | 'actions', Record<string, unknown>[]>;

/**
 * Everything in the app's database, read with a separate connection in the page. It is sent
 * to the page as source text (`page.evaluate(idbDump)`, `tab.eval(idbDump)`), so it must not
 * refer to anything outside itself.
 */
export function idbDump(): Promise<Dump> {
  return new Promise<Dump>((resolve, reject) => {
    const req = indexedDB.open('kjk');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const names = ['sessions', 'notes', 'positions', 'actions'].filter((n) => db.objectStoreNames.contains(n));
      const out = { sessions: [], notes: [], positions: [], actions: [] } as Dump;
      if (names.length === 0) {
        db.close();
        resolve(out);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      for (const n of names) {
        const r = tx.objectStore(n).getAll();
        r.onsuccess = () => {
          out[n as keyof Dump] = r.result;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** A dump with every store's records in id order, to compare two databases whatever the order of writing. */
export const sortedDump = (data: Dump) =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, [...v].sort((a, b) => String(a.id).localeCompare(String(b.id)))]),
  );
