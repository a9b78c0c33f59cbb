import { randomBytes } from "node:crypto";

/** 192 random bits, URL-safe: unguessable, and short enough for a crontab line. */
export const generatePingToken = () => randomBytes(24).toString("base64url");

export const PING_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const pingUrlFor = (baseUrl: string, token: string) => `${baseUrl}/ping/${token}`;
