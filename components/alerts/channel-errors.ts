export type ChannelErrors = Partial<
  Record<"name" | "url" | "to" | "secret" | "headers" | "form", string>
>;
