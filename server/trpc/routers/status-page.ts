import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { byId, idProcedures } from "@/server/trpc/id-procedures";
import {
  createStatusPageInput,
  statusPageItemsInput,
  updateStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import { getStatusPage, listStatusPages } from "@/server/services/status-pages/find-status-page";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { deleteStatusPage } from "@/server/services/status-pages/delete-status-page";
import { listPageSubjects } from "@/server/services/status-pages/list-page-subjects";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";
import { statusPageUrl } from "@/server/services/status-pages/get-status-page-view";

const statusPageId = idProcedures("statusPageId");
const withUrl = <P extends { slug: string }>(ctx: { baseUrl: string }, p: P) => ({
  ...p,
  url: statusPageUrl(ctx.baseUrl, p.slug),
});

export const statusPageRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await listStatusPages({ ctx: ctx.service })).map((item) => withUrl(ctx, item)),
  ),
  get: statusPageId.queryAs(getStatusPage, withUrl),
  create: protectedProcedure
    .input(createStatusPageInput)
    .mutation(async ({ ctx, input }) =>
      withUrl(ctx, await createStatusPage({ ctx: ctx.service, input })),
    ),
  update: statusPageId.updateAs(updateStatusPageInput, updateStatusPage, withUrl),
  delete: statusPageId.mutation(deleteStatusPage),
  subjects: statusPageId.query(listPageSubjects),
  setSubjects: protectedProcedure
    .input(byId.extend({ items: statusPageItemsInput }))
    .mutation(({ ctx, input }) =>
      setPageSubjects({ ctx: ctx.service, input: { statusPageId: input.id, items: input.items } }),
    ),
});
