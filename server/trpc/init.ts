import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { SessionUser } from "@/server/auth/get-session";
import type { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock, type Clock, type DbHandle } from "@/server/services/context";
import { isServiceError, type ServiceErrorCode } from "@/server/services/errors";
import type { PrivateTargetPolicy, SignupPolicy } from "@/server/domain/instance/access-policy";
import { getCurrentWorkspace } from "@/server/services/workspaces/get-current-workspace";
import { DEFAULT_QUOTAS, type QuotaLimits } from "@/server/domain/workspaces/quotas";
import type { AlertDeps } from "@/server/services/alerts/deliver-alerts";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { toWireIssues } from "@/server/domain/validation/validation-issues";

// Only callers without a configuration (tests, benchmarks) get it; the server passes its own.
const DEFAULT_BASE_URL = "http://localhost:3000";

export type TrpcContext = {
  db: DbHandle;
  now: Clock;
  user: SessionUser | null;
  clientIp: string;
  requestedWorkspaceId: string | null;
  signup: SignupPolicy;
  privateTargets: PrivateTargetPolicy;
  signInLimiter: SignInLimiter;
  /** The instance's default workspace limits (config), handed to the create services. */
  quotas: QuotaLimits;
  /** The public base URL (config): ping and status page URLs are built from it. */
  baseUrl: string;
  /** How channels send (config): test sends and confirmation mails. */
  alerts: AlertDeps;
};

type Defaulted = "now" | "quotas" | "baseUrl" | "alerts";

export function createTrpcContext(
  init: Omit<TrpcContext, Defaulted> & Partial<Pick<TrpcContext, Defaulted>>,
): TrpcContext {
  const baseUrl = init.baseUrl ?? DEFAULT_BASE_URL;
  return {
    ...init,
    now: init.now ?? systemClock,
    quotas: init.quotas ?? DEFAULT_QUOTAS,
    baseUrl,
    alerts:
      init.alerts ??
      alertDepsFrom({ privateTargets: init.privateTargets, smtp: undefined, baseUrl }),
  };
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const { stack: _stack, ...data } = shape.data;
    // An unexpected failure says nothing about its cause; the server log has it.
    const message = error.code === "INTERNAL_SERVER_ERROR" ? "internal error" : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...data,
        field: isServiceError(cause) ? (cause.details.field ?? null) : null,
        zodIssues: cause instanceof ZodError ? toWireIssues(cause.issues) : null,
      },
    };
  },
});

const TRPC_CODES: Record<ServiceErrorCode, TRPCError["code"]> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/** The one adapter from service errors to tRPC errors; anything else stays an opaque 500. */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isServiceError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapServiceErrors);

/** Signed-in members only; the context gains the actor and the workspace they act in. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  const actor = { userId: ctx.user.id };
  const workspace = await getCurrentWorkspace({
    ctx: { db: ctx.db, now: ctx.now, actor },
    input: { requestedId: ctx.requestedWorkspaceId },
  });
  return next({
    ctx: {
      ...ctx,
      user: ctx.user,
      actor,
      workspace,
      service: {
        db: ctx.db,
        now: ctx.now,
        actor,
        workspaceId: workspace.id,
        policy: { privateTargets: ctx.privateTargets, quotas: ctx.quotas },
        alerts: ctx.alerts,
      },
    },
  });
});
