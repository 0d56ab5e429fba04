/**
 * `npm run relay` (or `node relay/server.ts` on Node 24): the room relay with its settings from the
 * environment. It logs its address and its errors, never a room id or a payload.
 */
import { configFromEnv } from './config.ts';
import { startRelay } from './relay.ts';

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv();
} catch (err) {
  console.error(`relay: ${(err as Error).message}`);
  process.exit(2);
}

const relay = await startRelay(config).catch((err: Error) => {
  console.error(`relay: cannot start on ${config.host}:${config.port}: ${err.message}`);
  process.exit(1);
});
console.log(
  `relay: listening on ${relay.url} for ${config.origins.join(', ')}${config.redisUrl ? ' (rooms shared through Redis)' : ''}; health at ${relay.url}/healthz`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
