"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

type ById = { mutate: (input: { id: string }) => Promise<unknown> };

/** The procedures every kind of subject has, e.g. `useTRPCClient().monitor`. */
export type SubjectProcedures = { pause: ById; resume: ById; delete: ById };

export type SubjectControls = {
  busy: boolean;
  pause: () => void;
  resume: () => void;
  /** Asks `question` first; then deletes and goes back to the list. */
  remove: (question: string) => Promise<void>;
};

/** Pause, resume and delete for one subject; each refreshes every query of its kind. */
export function useSubjectControls({
  id,
  procedures,
  pathKey,
  listHref,
}: {
  id: string;
  procedures: SubjectProcedures;
  pathKey: QueryKey;
  listHref: string;
}): SubjectControls {
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: pathKey });
  const pause = useMutation({ mutationFn: procedures.pause.mutate, onSuccess: refresh });
  const resume = useMutation({ mutationFn: procedures.resume.mutate, onSuccess: refresh });
  const remove = useMutation({ mutationFn: procedures.delete.mutate });
  return {
    busy: pause.isPending || resume.isPending,
    pause: () => pause.mutate({ id }),
    resume: () => resume.mutate({ id }),
    remove: async (question) => {
      if (!window.confirm(question)) return;
      await remove.mutateAsync({ id });
      await refresh();
      router.push(listHref);
    },
  };
}
