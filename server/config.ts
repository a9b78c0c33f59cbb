import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { MIN_ALERT_LOG_DAYS } from "@/server/domain/alerts/alert-policy";
import { DEFAULT_QUOTAS, type QuotaLimits } from "@/server/domain/workspaces/quotas";
import type { PrivateTargetPolicy, SignupPolicy } from "@/server/domain/instance/access-policy";

// Relative to the project, not the shell's folder: the CLI run from elsewhere finds the same data.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const boolFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A boolean flag that also takes one named middle value (`first`, `owner`). */
const flagOr = <T extends string>(word: T) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", word], {
      error: `must be true, false or ${word}`,
    })
    .transform((v) => (v === word ? word : v === "true" || v === "1" || v === "yes"));

const positiveInt = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const httpUrl = z
  .url({ error: "must be an http(s) URL" })
  .refine((v) => /^https?:\/\//.test(v), { error: "must be an http(s) URL" });

export const envSchema = z
  .object({
    PORT: positiveInt(1, 65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    VIGIL_BASE_URL: httpUrl
      .refine((v) => ["", "/"].includes(new URL(v).pathname) && !new URL(v).search, {
        error: "must be an origin like https://status.example.com, without a path",
      })
      .optional(),
    VIGIL_DATA_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, { error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    NEXTAUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    NEXTAUTH_URL: httpUrl.optional(),
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    VIGIL_ALLOW_SIGNUP: flagOr("first").default("first"),
    VIGIL_TRUST_PROXY: boolFlag.default(false),
    VIGIL_ALLOW_PRIVATE_TARGETS: flagOr("owner").default("owner"),
    VIGIL_RESULT_RETENTION_DAYS: positiveInt(1, 3650).default(30),
    VIGIL_ALERT_LOG_RETENTION_DAYS: positiveInt(MIN_ALERT_LOG_DAYS, 3650).default(90),
    VIGIL_SIGNIN_MAX_PER_EMAIL: positiveInt(1, 1_000_000).default(10),
    VIGIL_SIGNIN_MAX_PER_IP: positiveInt(1, 1_000_000).default(100),
    VIGIL_SIGNIN_WINDOW_SECS: positiveInt(1, 86_400).default(900),
    VIGIL_QUOTA_MONITORS: positiveInt(0, 1_000_000).default(DEFAULT_QUOTAS.monitors),
    VIGIL_QUOTA_HEARTBEATS: positiveInt(0, 1_000_000).default(DEFAULT_QUOTAS.heartbeats),
    VIGIL_QUOTA_STATUS_PAGES: positiveInt(0, 1_000_000).default(DEFAULT_QUOTAS.statusPages),
    VIGIL_QUOTA_CHANNELS: positiveInt(0, 1_000_000).default(DEFAULT_QUOTAS.channels),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z
      .union([boolFlag, httpUrl], { error: "must be true, false or the dev server's URL" })
      .optional(),
    INNGEST_BASE_URL: httpUrl.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, { error: "must be an smtp:// or smtps:// URL" })
      .optional(),
    MAIL_FROM: z.string().min(3).max(320).optional(),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  })
  .superRefine((env, ctx) => {
    if (
      env.INNGEST_EVENT_KEY &&
      env.INNGEST_DEV !== true &&
      typeof env.INNGEST_DEV !== "string" &&
      !env.INNGEST_SIGNING_KEY
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY"],
        message: "is required when INNGEST_EVENT_KEY is set (or set INNGEST_DEV=1)",
      });
    }
    if (
      env.VIGIL_BASE_URL &&
      env.NEXTAUTH_URL &&
      new URL(env.VIGIL_BASE_URL).origin !== new URL(env.NEXTAUTH_URL).origin
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "must have the same origin as VIGIL_BASE_URL",
      });
    }
    if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.GITHUB_CLIENT_ID ? "GITHUB_CLIENT_SECRET" : "GITHUB_CLIENT_ID"],
        message: "must be set together with the other GITHUB_CLIENT_* variable",
      });
    }
  });

type Env = z.infer<typeof envSchema>;

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  github: { clientId: string; clientSecret: string } | undefined;
  signup: SignupPolicy;
  trustProxy: boolean;
  privateTargets: PrivateTargetPolicy;
  resultRetentionDays: number;
  alertLogRetentionDays: number;
  signinLimits: { perEmail: number; perIp: number; windowSecs: number };
  /** Default per-workspace limits; `npx vigil workspace:quota` raises them for one workspace. */
  quotas: QuotaLimits;
  inngest: {
    enabled: boolean;
    eventKey?: string;
    signingKey?: string;
    devServerUrl?: string;
    isDev: boolean;
    baseUrl?: string;
  };
  /** Outgoing mail for email alert channels; unset, email channels report it on each send. */
  smtp: { url: string; from: string } | undefined;
  logLevel: Env["LOG_LEVEL"];
  isDev: boolean;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]", "*"]);

function deriveBaseUrl(env: Env): string {
  if (env.VIGIL_BASE_URL) return env.VIGIL_BASE_URL.replace(/\/+$/, "");
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = WILDCARD_HOSTS.has(env.HOST) ? "localhost" : env.HOST;
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${hostPart}:${env.PORT}`;
}

/** How a rejected value is shown: secrets never, URLs without their password. */
function describeValue(name: string, value: string): string {
  if (/SECRET|KEY|TOKEN|PASSWORD|SMTP_URL/.test(name))
    return `a value of ${value.length} characters`;
  return `"${value.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1***@")}"`;
}

/** Validates the environment once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const value =
        typeof source[name] === "string" ? ` (got ${describeValue(name, source[name])})` : "";
      return `${name} ${issue.message}${value}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    baseUrl: deriveBaseUrl(env),
    dataDir: env.VIGIL_DATA_DIR
      ? path.resolve(env.VIGIL_DATA_DIR)
      : path.join(PROJECT_ROOT, ".vigil"),
    databaseUrl: env.DATABASE_URL,
    authSecret: env.NEXTAUTH_SECRET ?? env.AUTH_SECRET,
    github:
      env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
        ? { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }
        : undefined,
    signup:
      env.VIGIL_ALLOW_SIGNUP === "first" ? "first" : env.VIGIL_ALLOW_SIGNUP ? "open" : "closed",
    trustProxy: env.VIGIL_TRUST_PROXY,
    privateTargets:
      env.VIGIL_ALLOW_PRIVATE_TARGETS === "owner"
        ? "owner"
        : env.VIGIL_ALLOW_PRIVATE_TARGETS
          ? "all"
          : "none",
    resultRetentionDays: env.VIGIL_RESULT_RETENTION_DAYS,
    alertLogRetentionDays: env.VIGIL_ALERT_LOG_RETENTION_DAYS,
    signinLimits: {
      perEmail: env.VIGIL_SIGNIN_MAX_PER_EMAIL,
      perIp: env.VIGIL_SIGNIN_MAX_PER_IP,
      windowSecs: env.VIGIL_SIGNIN_WINDOW_SECS,
    },
    quotas: {
      monitors: env.VIGIL_QUOTA_MONITORS,
      heartbeats: env.VIGIL_QUOTA_HEARTBEATS,
      statusPages: env.VIGIL_QUOTA_STATUS_PAGES,
      channels: env.VIGIL_QUOTA_CHANNELS,
    },
    inngest: {
      enabled: Boolean(env.INNGEST_EVENT_KEY) || Boolean(env.INNGEST_DEV),
      eventKey: env.INNGEST_EVENT_KEY,
      signingKey: env.INNGEST_SIGNING_KEY,
      isDev: Boolean(env.INNGEST_DEV),
      devServerUrl: typeof env.INNGEST_DEV === "string" ? env.INNGEST_DEV : undefined,
      baseUrl: env.INNGEST_BASE_URL,
    },
    smtp: env.SMTP_URL
      ? {
          url: env.SMTP_URL,
          from: env.MAIL_FROM ?? `Vigil <vigil@${new URL(deriveBaseUrl(env)).hostname}>`,
        }
      : undefined,
    logLevel: env.LOG_LEVEL,
    isDev: env.NODE_ENV === "development",
  };
}
