// The bridge's media side in one object: the content-addressed store shared with the
// app, the limits in force, and the inbound downloads. main.js builds it; the session
// manager sends from it, sessions hand inbound media to it.
import { MediaInbox } from './inbox.js';
import { MediaLimits } from './limits.js';
import { MediaStore } from './store.js';

export class Media {
  /**
   * @param {{config: import('./limits.js').MediaConfig, store: import('../storage/store.js').Store,
   *   log: import('pino').Logger, fsImpl?: import('./store.js').StoreFs, collect?: () => void}} deps
   */
  constructor({ config, store, log, fsImpl, collect }) {
    this.files = new MediaStore(config.root, { fsImpl, collect });
    const swept = this.files.sweepTemp();
    if (swept) log.info({ files: swept }, 'removed partial media files of an earlier run');
    this.limits = new MediaLimits(config);
    this.inbox = new MediaInbox({ store, mediaStore: this.files, limits: this.limits, log });
  }

  /** Pending inbound downloads (all numbers), for /health. */
  pendingCount() {
    return this.inbox.pending.count();
  }

  close() {
    this.inbox.close();
  }
}
