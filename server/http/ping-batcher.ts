import type { IncomingPing, PingOutcome } from "@/server/services/heartbeats/record-pings";
import { HeartbeatCache, recordPingsFast } from "@/server/services/heartbeats/record-pings-fast";
import { systemClock, type DbHandle } from "@/server/services/context";

type Waiting = {
  ping: IncomingPing;
  resolve: (o: PingOutcome) => void;
  reject: (e: unknown) => void;
};

type Lane = {
  queue: Waiting[];
  busy: boolean;
  busySince: number;
  /** Counts batches, so that one given up on cannot free the lane when it ends at last. */
  batch: number;
  /** The last batch failed: the database is probably out of reach. */
  failing: boolean;
  scheduled: boolean;
};

// A ping is answered within this, committed or not: an unreachable database means a quick 503.
const ANSWER_WITHIN_MS = 900;
// A batch on a connection that went silent (a partition) may wait for TCP to give up, minutes:
// past this the lane stops waiting for it and sends the next batch, on another connection.
const GIVE_UP_BATCH_MS = 4_000;

/**
 * Group commit for the ping path: pings that arrive while a batch is being committed wait and go
 * together in the next one. One ping alone is committed at once; under load each commit carries
 * many. Every caller is answered only after its batch has committed. Heartbeats are split over
 * lanes by token, each with one batch in flight, so concurrent batches never touch the same rows
 * (no lock waits or deadlocks between them).
 *
 * A caller still waiting after `answerWithinMs` gets "error" (a 503: retry later). While a lane's
 * batch runs after one that failed, or for longer than twice that, the database is out of reach:
 * new pings get "error" at once, and the batch in flight probes for its return (given up on after
 * GIVE_UP_BATCH_MS). A batch given up on may still commit: a ping answered 503 may be
 * stored, one answered 200 always is.
 */
export class PingBatcher {
  private readonly lanes: Lane[];
  private readonly cache = new HeartbeatCache();

  constructor(
    private readonly db: DbHandle,
    private readonly options: { maxBatch?: number; lanes?: number; answerWithinMs?: number } = {},
  ) {
    this.lanes = Array.from({ length: Math.max(1, options.lanes ?? 1) }, () => ({
      queue: [],
      busy: false,
      busySince: 0,
      batch: 0,
      failing: false,
      scheduled: false,
    }));
  }

  record(ping: IncomingPing): Promise<PingOutcome> {
    const lane = this.laneOf(ping.token);
    const within = this.options.answerWithinMs ?? ANSWER_WITHIN_MS;
    const busyFor = lane.busy ? Date.now() - lane.busySince : 0;
    if (busyFor > GIVE_UP_BATCH_MS) lane.busy = false;
    else if (lane.busy && (lane.failing || busyFor > 2 * within)) return Promise.resolve("error");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const queued = lane.queue.indexOf(waiting);
        if (queued >= 0) lane.queue.splice(queued, 1);
        resolve("error");
      }, within);
      const waiting: Waiting = {
        ping,
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      lane.queue.push(waiting);
      this.scheduleFlush(lane);
    });
  }

  close(): void {
    this.cache.close();
  }

  get pending(): number {
    return this.lanes.reduce((n, lane) => n + lane.queue.length + (lane.busy ? 1 : 0), 0);
  }

  private laneOf(token: string): Lane {
    let hash = 0;
    for (let i = 0; i < token.length; i++) hash = (hash * 31 + token.charCodeAt(i)) | 0;
    return this.lanes[Math.abs(hash) % this.lanes.length] as Lane;
  }

  // After the I/O phase, not at once: every request that arrived meanwhile joins the batch. This
  // matters most on PGlite, whose queries run on this thread and hold the event loop meanwhile.
  private scheduleFlush(lane: Lane): void {
    if (lane.scheduled) return;
    lane.scheduled = true;
    setImmediate(() => {
      lane.scheduled = false;
      this.flush(lane);
    });
  }

  private flush(lane: Lane): void {
    if (lane.queue.length === 0 || lane.busy) return;
    const batch = lane.queue.splice(0, this.options.maxBatch ?? 2000);
    lane.busy = true;
    lane.busySince = Date.now();
    const number = ++lane.batch;
    recordPingsFast({
      ctx: { db: this.db, now: systemClock },
      input: { cache: this.cache, batch: batch.map((w) => w.ping) },
    })
      .then((outcomes) => {
        lane.failing = false;
        batch.forEach((w, i) => w.resolve(outcomes[i] ?? "error"));
      })
      .catch((err: unknown) => {
        lane.failing = true;
        batch.forEach((w) => w.reject(err));
      })
      .finally(() => {
        if (lane.batch !== number) return;
        lane.busy = false;
        this.scheduleFlush(lane);
      });
  }
}
