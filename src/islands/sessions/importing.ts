/**
 * The code that reads a backup file (parse, decrypt, plan the merge), loaded when someone
 * picks a file: the list does not need it to show (see ImportExport.tsx).
 */
export { decryptExport, isEncryptedExport } from '../../lib/exchange/crypto';
export { decodeBackup } from '../../lib/exchange/decode';
export { DEFAULT_MAX_IMPORT_BYTES, parseExport } from '../../lib/exchange/format';
export { COPY_SUFFIX, planImport, planIsEmpty } from '../../lib/exchange/merge';
