import type { z } from "zod";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput } from "@/server/services/errors";
import { parseInput } from "@/server/services/parse-input";
import { previewWindows } from "@/server/domain/maintenance/preview-windows";
import type { Window } from "@/server/domain/maintenance/maintenance-window";
import { createMaintenanceInput } from "@/server/services/maintenances/maintenance-settings";

export const previewMaintenanceInput = createMaintenanceInput.pick({
  startsAt: true,
  endsAt: true,
  schedule: true,
  durationSecs: true,
  tz: true,
});
type PreviewMaintenanceInput = z.input<typeof previewMaintenanceInput>;

/** The next windows a maintenance with this timing would run; a bad timing is a field error. */
export async function previewMaintenance({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: PreviewMaintenanceInput;
}): Promise<Window[]> {
  const timing = parseInput(previewMaintenanceInput, input);
  const { windows, problem } = previewWindows(timing, ctx.now());
  if (problem) throw badInput(problem.field, problem.message);
  return Promise.resolve(windows);
}
