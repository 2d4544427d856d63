// GET /health (what the app's supervisor reads) and POST /shutdown: the bridge process itself.
import { LIMITS } from '../../config/limits.js';
import { monotonicMs } from '../../time/clock.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function healthRoutes(app, { bootId, version, manager, hub, sse, media, onShutdown }) {
  const startedAt = monotonicMs(); // uptime is elapsed time: immune to clock steps

  app.get('/health', async () => ({
    boot_id: bootId,
    version,
    uptime_s: Math.round((monotonicMs() - startedAt) / 1000),
    rss_bytes: process.memoryUsage.rss(),
    event_clients: sse.count,
    sessions: manager.counts(),
    durable_pending: hub.pendingDurable.size,
    limits: { ...LIMITS, ...media.limits.view(), pacing: manager.pacing.config },
    media_pending: media.pendingCount(),
    // a damaged bridge.sqlite3 found at this start, and what could not be read back
    recovery: manager.store.recovery ?? null,
  }));

  app.post('/shutdown', async (_request, reply) => {
    // Stop once the answer is out (or the client is gone).
    reply.raw.once('close', () => onShutdown('shutdown_requested'));
    reply.code(202);
    return { status: 'shutting_down' };
  });
}
