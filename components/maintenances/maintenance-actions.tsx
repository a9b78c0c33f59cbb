"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import type { MaintenanceView } from "@/server/services/maintenances/maintenance-records";

type Errors = Partial<Record<"endsAt" | "status" | "form", string>>;
const later = (at: Date, mins: number) => new Date(at.getTime() + mins * 60_000);

/** End now, extend, cancel or delete — each destructive one asks first. */
export function MaintenanceActions({ m }: { m: MaintenanceView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.maintenances.update.mutationOptions());
  const remove = useMutation(trpc.maintenances.delete.mutationOptions());
  const [newEnd, setNewEnd] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const busy = update.isPending || remove.isPending;
  const change = async (changes: { status?: "completed" | "cancelled"; endsAt?: string }) => {
    try {
      await update.mutateAsync({ maintenanceId: m.id, ...changes });
      setErrors({});
      setNewEnd("");
      await queryClient.invalidateQueries({ queryKey: trpc.maintenances.pathKey() });
    } catch (error) {
      setErrors(formErrorsFrom(error, ["endsAt", "status"] as const, "Could not change it"));
    }
  };
  const confirmThen = (question: string, act: () => Promise<void>) => {
    if (window.confirm(question))
      act().catch((error: unknown) => setErrors(formErrorsFrom(error, [], "Could not delete it")));
  };
  const running = m.status === "in_progress" && m.window;
  return (
    <div className="space-y-4">
      {(errors.status ?? errors.form) ? (
        <FormAlert>{(errors.status ?? errors.form)!}</FormAlert>
      ) : null}
      {running ? (
        <>
          <Button
            className="w-full"
            disabled={busy}
            onClick={() =>
              confirmThen("End this maintenance now? Its subjects alert again from now on.", () =>
                change({ status: "completed" }),
              )
            }
          >
            End now
          </Button>
          <div className="grid grid-cols-2 gap-2">
            {[30, 60].map((mins) => (
              <Button
                key={mins}
                variant="secondary"
                disabled={busy}
                onClick={() => void change({ endsAt: later(running.endsAt, mins).toISOString() })}
              >
                Extend {mins === 30 ? "30 min" : "1 h"}
              </Button>
            ))}
          </div>
          <form
            className="space-y-2"
            aria-label="Set a new end"
            onSubmit={(e) => {
              e.preventDefault();
              const at = new Date(newEnd);
              if (Number.isNaN(at.getTime()))
                return setErrors({ endsAt: "Give the new end as a date and time." });
              void change({ endsAt: at.toISOString() });
            }}
          >
            <Field
              id="maintenance-new-end"
              label="New end"
              type="datetime-local"
              value={newEnd}
              error={errors.endsAt}
              onChange={(e) => setNewEnd(e.target.value)}
            />
            <Button type="submit" variant="secondary" className="w-full" disabled={busy}>
              Set end
            </Button>
          </form>
        </>
      ) : null}
      {m.status === "scheduled" ? (
        <Button
          variant="secondary"
          className="w-full"
          disabled={busy}
          onClick={() =>
            confirmThen(`Cancel “${m.title}”? Its windows will not run.`, () =>
              change({ status: "cancelled" }),
            )
          }
        >
          Cancel maintenance
        </Button>
      ) : null}
      <Button
        variant="ghost"
        className="w-full"
        disabled={busy}
        onClick={() =>
          confirmThen(
            `Delete “${m.title}” and its updates? Status pages stop showing it.`,
            async () => {
              await remove.mutateAsync({ maintenanceId: m.id });
              await queryClient.invalidateQueries({ queryKey: trpc.maintenances.pathKey() });
              router.push("/dashboard/maintenances");
            },
          )
        }
      >
        Delete
      </Button>
    </div>
  );
}
