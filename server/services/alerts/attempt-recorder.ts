import type { ServiceCtx } from "@/server/services/context";
import type { Attempt, LaneOutcome } from "@/server/services/alerts/alert-types";
import { recordAttempts } from "@/server/services/alerts/record-attempts";

/**
 * Group commit for finished sends: the first one is recorded at once, those finishing meanwhile
 * together in the next transaction. Each caller gets its own lane's outcome.
 */
export class AttemptRecorder {
  private queue: {
    attempt: Attempt;
    resolve: (o: LaneOutcome) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private flushing = false;

  constructor(private readonly ctx: ServiceCtx) {}

  async record(attempt: Attempt): Promise<LaneOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ attempt, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, 200);
    try {
      const { outcomes, skipped } = await recordAttempts(
        this.ctx,
        batch.map((b) => b.attempt),
      );
      // A lane held by a committing flip: record it alone, waiting for the lock.
      for (const attempt of skipped) {
        const alone = await recordAttempts(this.ctx, [attempt]);
        for (const [id, o] of alone.outcomes) outcomes.set(id, o);
      }
      for (const b of batch)
        b.resolve(outcomes.get(b.attempt.lease.id) ?? { sent: null, nextAt: null });
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.flushing = false;
      void this.flush();
    }
  }
}
