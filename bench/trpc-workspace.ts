import { createTestDatabase, type TestDbKind } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import { ms, summarise, time } from "@/bench/stats";

/** Latency of the dashboard's first call (session user → workspace) through the real router. */
export async function benchWorkspaceCurrent(kind: TestDbKind, calls = 500): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const { user } = await makeUser(database.db);
    const caller = createCaller(
      createTrpcContext({
        db: database.db,
        user,
        clientIp: "127.0.0.1",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
      }),
    );
    for (let i = 0; i < 50; i++) await caller.workspace.current();
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < calls; i++) samples.push(await time(() => caller.workspace.current()));
    const elapsed = (performance.now() - start) / 1000;
    const s = summarise(samples);
    console.log(
      `workspace.current on ${kind.padEnd(8)}: ${(calls / elapsed).toFixed(0)} calls/s  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}`,
    );
  } finally {
    await database.drop();
  }
}
