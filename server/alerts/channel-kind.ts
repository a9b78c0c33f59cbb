import type { AlertPayload, Channel, ChannelSettings } from "@/db/schema";
import type { Notification } from "@/server/alerts/notification";

export type DeliveryDeps = {
  allowPrivateTargets: boolean;
  /** Bound on one send: a receiver that hangs costs at most this. */
  timeoutMs: number;
  smtp: { url: string; from: string } | undefined;
};

/** One module per channel kind: how a notification reads in that medium, and how it is sent. */
export type ChannelStrategy = {
  render: (n: Notification) => AlertPayload;
  /**
   * Resolves when the receiver accepted the message; rejects with the receiver's error. `signal`
   * aborts when the caller's deadline passed: the send must then drop its connection.
   */
  send: (
    payload: AlertPayload,
    channel: Channel,
    deps: DeliveryDeps,
    signal?: AbortSignal,
  ) => Promise<void>;
  /**
   * Kinds that mail people: the addresses a channel's settings name, and the settings narrowed to
   * some of them. Each address confirms by a link before it is sent anything.
   */
  recipients?: {
    of: (settings: ChannelSettings) => string[];
    only: (settings: ChannelSettings, addresses: readonly string[]) => ChannelSettings;
  };
};
