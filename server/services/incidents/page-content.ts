import { getEventBus, type PageContentEvent } from "@/server/events/bus";

/** After the commit: the workspace's pages drop their copies and live viewers refetch. */
export const pageContentChanged = (event: PageContentEvent) =>
  getEventBus().emit("page-content.changed", event);
