/** Where one alert message is on its way to a channel. */
export const alertMessageStatuses = ["sending", "retrying", "delivered", "failed"] as const;
