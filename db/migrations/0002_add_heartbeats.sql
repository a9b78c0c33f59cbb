CREATE TABLE "heartbeats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token" text NOT NULL,
	"interval_secs" integer,
	"schedule" text,
	"tz" text DEFAULT 'UTC' NOT NULL,
	"grace_secs" integer DEFAULT 60 NOT NULL,
	"max_runtime_secs" integer,
	"status" text DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consecutive_misses" integer DEFAULT 0 NOT NULL,
	"last_pinged_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_duration_ms" integer,
	"running_since" timestamp with time zone,
	"running_rid" uuid,
	"deadline" timestamp with time zone,
	"alarm_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"heartbeat_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"pinged_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"exit_status" integer,
	"rid" uuid,
	"body" text,
	"truncated" boolean DEFAULT false NOT NULL,
	"source_ip" text,
	"user_agent" text,
	"duration_ms" integer
);
--> statement-breakpoint
ALTER TABLE "flips" ADD COLUMN "heartbeat_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "heartbeat_id" uuid;--> statement-breakpoint
ALTER TABLE "heartbeats" ADD CONSTRAINT "heartbeats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "heartbeats_token_idx" ON "heartbeats" USING btree ("token");--> statement-breakpoint
CREATE INDEX "heartbeats_workspace_id_idx" ON "heartbeats" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "heartbeats_alarm_at_idx" ON "heartbeats" USING btree ("alarm_at");--> statement-breakpoint
CREATE INDEX "pings_heartbeat_pinged_idx" ON "pings" USING btree ("heartbeat_id","pinged_at");--> statement-breakpoint
ALTER TABLE "flips" ADD CONSTRAINT "flips_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flips_heartbeat_at_idx" ON "flips" USING btree ("heartbeat_id","at");--> statement-breakpoint
CREATE INDEX "incidents_heartbeat_started_idx" ON "incidents" USING btree ("heartbeat_id","started_at");