import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { createLogger } from "@/server/log";
import { createEventBus, getEventBus } from "@/server/events/bus";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { logEvents } from "@/server/startup/log-events";

type Line = Record<string, unknown>;
const options = { privateTargets: "all" } as const;

function capturedLogger() {
  const lines: Line[] = [];
  const logger = createLogger("info", {
    write: (line: string) => void lines.push(JSON.parse(line) as Line),
  });
  return { logger, lines };
}

describe(`the event log on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
  });
  afterAll(async () => {
    await target.close();
    await database.drop();
  });

  it("logs a flip and the incident it opens and resolves, at info, with ids and states", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const path = `/${randomUUID()}`;
    target.set(path, { status: 503 });
    const monitor = await makeMonitor(ctx, target.url(path), { confirmations: 1 });
    const { logger, lines } = capturedLogger();
    const stop = logEvents(logger, getEventBus());
    try {
      await runCheck({ ctx, monitorId: monitor.id, options });
      const mine = () => lines.filter((l) => l.subjectId === monitor.id);
      expect(mine()).toMatchObject([
        {
          level: 30,
          event: "flip",
          workspaceId: ctx.workspaceId,
          subjectKind: "monitor",
          from: "pending",
          to: "down",
          flipId: expect.any(String) as string,
        },
        {
          level: 30,
          event: "incident.opened",
          workspaceId: ctx.workspaceId,
          state: "down",
          incidentId: expect.any(String) as string,
        },
      ]);
      const opened = mine()[1];

      target.set(path, { status: 200 });
      const later = new Date(ctx.now().getTime() + 3_600_000);
      await runCheck({ ctx: { ...ctx, now: () => later }, monitorId: monitor.id, options });
      expect(mine().slice(2)).toMatchObject([
        { event: "flip", from: "down", to: "up" },
        { event: "incident.resolved", incidentId: opened?.incidentId, state: "up" },
      ]);
    } finally {
      stop();
    }
  });

  it("logs every finished alert send, at info, without its payload", () => {
    const bus = createEventBus();
    const { logger, lines } = capturedLogger();
    logEvents(logger, bus);
    bus.emit("alert.sent", {
      workspaceId: "w1",
      messageId: "m1",
      channelId: "c1",
      channelKind: "webhook",
      kind: "alert",
      flipIds: ["f1", "f2"],
      status: "retrying",
      attempts: 2,
      error: "HTTP 502",
    });
    expect(lines).toMatchObject([
      {
        level: 30,
        event: "alert.sent",
        msg: "alert send failed (retrying)",
        workspaceId: "w1",
        channelId: "c1",
        flipIds: ["f1", "f2"],
        error: "HTTP 502",
      },
    ]);
  });
});
