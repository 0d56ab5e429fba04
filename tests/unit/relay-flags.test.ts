/** The relay's Node flags are written out in two places that cannot import them: keep them equal. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RELAY_NODE_FLAGS } from '../../relay/node-flags.mjs';

const root = join(import.meta.dirname, '../..');
const flags = RELAY_NODE_FLAGS.join(' ');

it('`npm run relay` and the systemd unit start the relay with RELAY_NODE_FLAGS', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(pkg.scripts.relay).toBe(`node ${flags} relay/server.ts`);
  const unit = readFileSync(join(root, 'docs/deploy/kjk-relay.service'), 'utf8');
  expect(unit).toContain(`ExecStart=/opt/kenjekracht/node_modules/.bin/node ${flags} relay/server.ts`);
});
