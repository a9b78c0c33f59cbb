import { hashPassword, verifyPassword } from "@/server/services/auth/password";
import { ms, summarise, time } from "@/bench/stats";

/** Cost of the memory-hard password hash that every sign-up and sign-in pays. */
export async function benchPasswordHash(): Promise<void> {
  const hashes: number[] = [];
  const verifies: number[] = [];
  let hash = "";
  for (let i = 0; i < 20; i++)
    hashes.push(await time(async () => (hash = await hashPassword("Correct-Horse-9"))));
  for (let i = 0; i < 20; i++)
    verifies.push(await time(() => verifyPassword(hash, "Correct-Horse-9")));
  const h = summarise(hashes);
  const v = summarise(verifies);
  console.log(`argon2id hash:   p50 ${ms(h.p50)}  p95 ${ms(h.p95)}  (19 MiB, t=2)`);
  console.log(`argon2id verify: p50 ${ms(v.p50)}  p95 ${ms(v.p95)}`);
}
