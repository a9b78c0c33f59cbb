"use client";

import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { Loaded } from "@/components/subjects/subject-detail";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";

export type FormErrors<K extends string> = Partial<Record<K | "form", string>>;

/** A kind of subject as its forms know it: the fields that show errors, and where it lives. */
export type SubjectFormKind<V> = {
  noun: string;
  href: string;
  fields: readonly FieldOf<V>[];
};

type FieldOf<V> = Extract<keyof V, string>;

/** What a subject's form needs from the page around it. */
export type SubjectFormProps<V> = {
  serverErrors: FormErrors<FieldOf<V>>;
  onSubmit: (values: V) => Promise<void>;
};

/**
 * The frame of a new or edit page: title, the form, and what happens on submit — save, refresh
 * every query of the kind, open the subject; a refusal lands next to the fields it is about.
 */
export function SubjectFormPage<V>({
  title,
  description,
  kind,
  pathKey,
  save,
  children,
}: {
  title: string;
  description: string;
  kind: SubjectFormKind<V>;
  /** Every query of the kind, refreshed after a save. */
  pathKey: QueryKey;
  /** Saves and answers the subject's id. */
  save: (values: V) => Promise<string>;
  children: (form: SubjectFormProps<V>) => ReactNode;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors<FieldOf<V>>>({});
  return (
    <>
      <PageHeader title={title} description={description} />
      {children({
        serverErrors: errors,
        onSubmit: async (values) => {
          setErrors({});
          try {
            const id = await save(values);
            await queryClient.invalidateQueries({ queryKey: pathKey });
            router.push(`${kind.href}/${id}`);
          } catch (e) {
            setErrors(formErrorsFrom(e, kind.fields, `Could not save the ${kind.noun}`));
          }
        },
      })}
    </>
  );
}

/** An edit page waits for the subject and its alert channels before it shows the form. */
export function SubjectEditShell<T>({
  id,
  query,
  children,
}: {
  id: string;
  query: { data?: T; error: { message: string } | null };
  children: (data: T, channelIds: string[]) => ReactNode;
}) {
  const trpc = useTRPC();
  const { data: channelIds } = useQuery(
    trpc.alerts.subjectChannelIds.queryOptions({ subjectId: id }),
  );
  return (
    <Loaded query={query} ready={channelIds !== undefined}>
      {(data) => children(data, channelIds ?? [])}
    </Loaded>
  );
}
