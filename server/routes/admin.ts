import { Router } from 'express';
import { seedConfigured } from '../../seed/run.js';
import type { Config } from '../../shared/config.js';
import { JejakError } from '../../shared/errors.js';
import { requireWriteToken } from '../http/write-token.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import type { Store } from '../../store/store.js';

/** Endpoints that change the graph: all behind the write token. */
export function adminRoutes(store: Store, config: Config, log: (line: string) => void): Router {
  const r = Router();
  const guard = requireWriteToken(config.writeToken);
  let running: ReturnType<typeof seedConfigured> | undefined;

  apiRoute(r, { method: 'post', path: '/admin/reseed', summary: 'Reload the seed corpus (write token required)', response: 'counts and progress log', writes: true, use: [guard] }, async ({ res }) => {
    if (running) throw new JejakError('CONFLICT', 'a reseed is already running; try again when it ends');
    const lines: string[] = [];
    running = seedConfigured(store, (line) => {
      lines.push(line);
      log(`reseed: ${line}`);
    });
    try {
      const report = await running;
      sendJson(res, { ...report, log: lines });
    } finally {
      running = undefined;
    }
  });

  return r;
}
