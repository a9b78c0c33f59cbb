"use client";

import type { QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  SubjectFormPage,
  type SubjectFormKind,
  type SubjectFormProps,
} from "@/components/subjects/subject-edit-shell";
import { NewSubjectPagesSlot, useNewSubjectPages } from "@/components/subjects/new-subject-pages";

/** A create page: the form, the status pages the new subject will appear on, and the save. */
export function NewSubjectPage<V>({
  description,
  kind,
  pathKey,
  create,
  children,
}: {
  description: string;
  kind: SubjectFormKind<V>;
  pathKey: QueryKey;
  /** Creates the subject on the pages chosen (undefined: the server's default). */
  create: (values: V & { statusPageIds: string[] | undefined }) => Promise<{ id: string }>;
  children: (form: SubjectFormProps<V>) => ReactNode;
}) {
  const pages = useNewSubjectPages();
  return (
    <SubjectFormPage
      title={`New ${kind.noun}`}
      description={description}
      kind={kind}
      pathKey={pathKey}
      save={async (values) =>
        (await create({ ...values, statusPageIds: pages.statusPageIds() })).id
      }
    >
      {(form) => <NewSubjectPagesSlot value={pages.slot}>{children(form)}</NewSubjectPagesSlot>}
    </SubjectFormPage>
  );
}
