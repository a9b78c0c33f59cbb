import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectChannels } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { anyTarget, makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import type { WorkspaceCtx } from "@/server/services/context";
import { systemClock } from "@/server/services/context";
import { createChannel } from "@/server/services/alerts/create-channel";
import { updateMonitor } from "@/server/services/monitors/update-monitor";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";

describe(`a subject's channels on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  async function setup() {
    const { user, workspace } = await makeUser(database.db);
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    const channel = async (name: string) =>
      (
        await createChannel({
          ctx: withPolicy(ctx, { privateTargets: "all" }),
          input: {
            name,
            kind: "ntfy",
            url: `https://ntfy.sh/${name}`,
            enabled: true,
            isDefault: false,
          },
        })
      ).channel.id;
    return { ctx, a: await channel("a"), b: await channel("b"), c: await channel("c") };
  }

  const links = (subjectId: string) =>
    database.db
      .select({ id: subjectChannels.id, channelId: subjectChannels.channelId })
      .from(subjectChannels)
      .where(eq(subjectChannels.subjectId, subjectId))
      .orderBy(asc(subjectChannels.channelId));
  const channelsOf = async (subjectId: string) =>
    (await links(subjectId)).map((l) => l.channelId).sort();

  it("applies a new list as a diff: kept links stay as they are", async () => {
    const { ctx, a, b, c } = await setup();
    const monitor = await makeMonitor(ctx, "https://example.com/", { channelIds: [a, b] });
    const before = await links(monitor.id);
    await updateMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: { monitorId: monitor.id, changes: { channelIds: [b, c, c] } },
    });
    const after = await links(monitor.id);
    expect(after.map((l) => l.channelId).sort()).toEqual([b, c].sort());
    // b's link was never deleted and re-inserted: a flip committing meanwhile always finds it.
    expect(after.find((l) => l.channelId === b)?.id).toBe(
      before.find((l) => l.channelId === b)?.id,
    );
    await updateMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: { monitorId: monitor.id, changes: { channelIds: [] } },
    });
    expect(await channelsOf(monitor.id)).toEqual([]);
  });

  it("survives concurrent edits of one subject's channels", async () => {
    const { ctx, a, b, c } = await setup();
    const monitor = await makeMonitor(ctx, "https://example.com/", { channelIds: [] });
    const lists = [[a, b], [a, b, c], [b], [a, b], [a, c]];
    await Promise.all(
      lists.map((channelIds) =>
        updateMonitor({
          ctx: withPolicy(ctx, anyTarget),
          input: { monitorId: monitor.id, changes: { channelIds } },
        }),
      ),
    );
    expect(lists.map((l) => [...l].sort())).toContainEqual(await channelsOf(monitor.id));
  });

  it("leaves a monitor's channels alone when the rest of the edit is a 400", async () => {
    const { ctx, a, b } = await setup();
    const monitor = await makeMonitor(ctx, "https://example.com/", { channelIds: [a] });
    await expect(
      updateMonitor({
        ctx: withPolicy(ctx, anyTarget),
        input: {
          monitorId: monitor.id,
          changes: { channelIds: [b], timeoutSecs: 600, intervalSecs: 60 },
        },
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await channelsOf(monitor.id)).toEqual([a]);
  });

  it("leaves a heartbeat's channels alone when the rest of the edit is a 400", async () => {
    const { ctx, a, b } = await setup();
    const hb = await makeHeartbeat(ctx, { channelIds: [a] });
    await expect(
      updateHeartbeat({
        ctx,
        input: {
          heartbeatId: hb.id,
          changes: { channelIds: [b], intervalSecs: null, schedule: "not a schedule" },
        },
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await channelsOf(hb.id)).toEqual([a]);
    await updateHeartbeat({
      ctx,
      input: { heartbeatId: hb.id, changes: { channelIds: [b], graceSecs: 60 } },
    });
    expect(await channelsOf(hb.id)).toEqual([b]);
  });
});
