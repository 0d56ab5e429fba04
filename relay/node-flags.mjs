/**
 * Node's flags for the relay process, for everything that starts it (`npm run relay` and the
 * systemd unit spell them out too). A small young generation: the relay's garbage is many short
 * frames, and V8's default lets the semi-spaces grow to 16 MB each under load. Measured with
 * `npm run bench:relay`: at 1,000 phones RSS 143-152 MB by default, 127 MB with 4 MB, with the
 * same latency (p95 under 1 ms) and CPU.
 */
export const RELAY_NODE_FLAGS = ['--max-semi-space-size=4'];
