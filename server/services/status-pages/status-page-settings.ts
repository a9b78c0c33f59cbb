import { z } from "zod";
import { statusPageVisibilities } from "@/db/schema/status-pages";
import { slugProblem } from "@/server/domain/status-pages/slug";

const slug = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Status page settings as a person or script may set them. */
export const statusPageSettingsShape = {
  slug,
  title: z.string().trim().min(1, { error: "must not be empty" }).max(100),
  description: z.string().trim().max(1000, { error: "must be at most 1000 characters" }),
  visibility: z.enum(statusPageVisibilities, { error: 'must be "public" or "private"' }),
  showJobFailures: z.boolean({ error: "must be true or false" }),
  autoAddSubjects: z.boolean({ error: "must be true or false" }),
};

export const createStatusPageInput = z.object({
  ...statusPageSettingsShape,
  description: statusPageSettingsShape.description.default(""),
  // Nothing is published by accident.
  visibility: statusPageSettingsShape.visibility.default("private"),
  showJobFailures: statusPageSettingsShape.showJobFailures.default(true),
  autoAddSubjects: statusPageSettingsShape.autoAddSubjects.default(true),
});

export const updateStatusPageInput = z.object(statusPageSettingsShape).partial();
export type StatusPageChanges = z.output<typeof updateStatusPageInput>;

/**
 * On creating a monitor or heartbeat: the pages to show it on, every other page of the workspace
 * hides it. Unset: every page that adds new monitors and heartbeats automatically.
 */
export const newSubjectPagesInput = z
  .array(z.uuid({ error: "must be status page ids" }))
  .max(1000)
  .optional();

export const statusPageItemsInput = z
  .array(
    z.object({
      subjectKind: z.enum(["monitor", "heartbeat"]),
      subjectId: z.uuid({ error: "must be a monitor or heartbeat id" }),
      hidden: z.boolean(),
      position: z.number().int().min(0).max(100_000).nullable(),
    }),
  )
  .max(5000);
export type StatusPageItemsInput = z.output<typeof statusPageItemsInput>;
