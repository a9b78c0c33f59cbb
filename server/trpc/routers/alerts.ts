import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { idProcedures } from "@/server/trpc/id-procedures";
import { createChannelInput, updateChannelInput } from "@/server/services/alerts/channel-settings";
import { createChannel } from "@/server/services/alerts/create-channel";
import {
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
} from "@/server/services/alerts/manage-channels";
import { channelView } from "@/server/services/alerts/channel-view";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";
import { listAlertMessages } from "@/server/services/alerts/list-alert-messages";
import { listSubjectChannelIds } from "@/server/services/alerts/subject-channels";
import { resendConfirmation } from "@/server/services/alerts/resend-confirmation";

const channelId = idProcedures("channelId");

export const alertsRouter = createTRPCRouter({
  channels: protectedProcedure.query(async ({ ctx }) =>
    (await listChannels({ ctx: ctx.service })).map(channelView),
  ),
  channel: channelId.queryAs(getChannel, (_, channel) => channelView(channel)),
  createChannel: protectedProcedure.input(createChannelInput).mutation(async ({ ctx, input }) => {
    const { channel, secret } = await createChannel({ ctx: ctx.service, input });
    return { channel: channelView(channel), secret };
  }),
  updateChannel: channelId.updateAs(updateChannelInput, updateChannel, (_, channel) =>
    channelView(channel),
  ),
  deleteChannel: channelId.mutation(deleteChannel),
  sendTest: channelId.mutation(sendTestNotification),
  resendConfirmation: channelId.mutation(resendConfirmation),
  log: protectedProcedure
    .input(
      z.object({
        channelId: z.string().max(64).optional(),
        subjectId: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(1000).default(50),
      }),
    )
    .query(({ ctx, input }) => listAlertMessages({ ctx: ctx.service, input })),
  subjectChannelIds: protectedProcedure
    .input(z.object({ subjectId: z.string().max(64) }))
    .query(({ ctx, input }) => listSubjectChannelIds({ ctx: ctx.service, input })),
});
