import type { DbOrTx } from "@/db/client";
import type { IncomingPing, PingOutcome } from "@/server/services/heartbeats/record-pings";
import { HeartbeatCache, recordPingsFast } from "@/server/services/heartbeats/record-pings-fast";

type Waiting = {
  ping: IncomingPing;
  resolve: (o: PingOutcome) => void;
  reject: (e: unknown) => void;
};

/**
 * Group commit for the ping path: pings that arrive while a batch is being committed wait and go
 * together in the next transaction. One ping alone is committed at once; under load each commit
 * carries many. Every caller is answered only after its batch has committed.
 */
export class PingBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private readonly cache = new HeartbeatCache();

  constructor(
    private readonly db: DbOrTx,
    private readonly options: { maxBatch?: number; maxConcurrent?: number } = {},
  ) {}

  record(ping: IncomingPing): Promise<PingOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ping, resolve, reject });
      this.flush();
    });
  }

  close(): void {
    this.cache.close();
  }

  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  private flush(): void {
    if (this.queue.length === 0 || this.inFlight >= (this.options.maxConcurrent ?? 1)) return;
    const batch = this.queue.splice(0, this.options.maxBatch ?? 2000);
    this.inFlight++;
    recordPingsFast(
      this.db,
      this.cache,
      batch.map((w) => w.ping),
    )
      .then((outcomes) => batch.forEach((w, i) => w.resolve(outcomes[i] ?? "error")))
      .catch((err: unknown) => batch.forEach((w) => w.reject(err)))
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
  }
}
