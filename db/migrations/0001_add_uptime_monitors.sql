CREATE TABLE "monitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"method" text DEFAULT 'GET' NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" text,
	"accepted_status_codes" jsonb DEFAULT '["200-399"]'::jsonb NOT NULL,
	"max_redirects" integer DEFAULT 10 NOT NULL,
	"timeout_secs" integer DEFAULT 10 NOT NULL,
	"keyword" text,
	"keyword_must_be_absent" boolean DEFAULT false NOT NULL,
	"degraded_after_ms" integer,
	"interval_secs" integer DEFAULT 60 NOT NULL,
	"retry_interval_secs" integer DEFAULT 20 NOT NULL,
	"confirmations" integer DEFAULT 2 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_response_ms" integer,
	"last_status_code" integer,
	"last_error" text,
	"tls_cert_expires_at" timestamp with time zone,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_token" uuid,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"monitor_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status" text NOT NULL,
	"status_code" integer,
	"duration_ms" integer NOT NULL,
	"error" text,
	"error_kind" text,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_rollups" (
	"monitor_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"checks" integer NOT NULL,
	"failures" integer NOT NULL,
	"p50_ms" integer,
	"p95_ms" integer,
	CONSTRAINT "check_rollups_monitor_id_bucket_bucket_start_pk" PRIMARY KEY("monitor_id","bucket","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "flips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"monitor_id" uuid,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"monitor_id" uuid,
	"opened_by_flip_id" uuid NOT NULL,
	"resolved_by_flip_id" uuid,
	"cause" text,
	"started_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "monitors" ADD CONSTRAINT "monitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_rollups" ADD CONSTRAINT "check_rollups_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flips" ADD CONSTRAINT "flips_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_opened_by_flip_id_flips_id_fk" FOREIGN KEY ("opened_by_flip_id") REFERENCES "public"."flips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_resolved_by_flip_id_flips_id_fk" FOREIGN KEY ("resolved_by_flip_id") REFERENCES "public"."flips"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitors_workspace_id_idx" ON "monitors" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "monitors_next_check_at_idx" ON "monitors" USING btree ("next_check_at");--> statement-breakpoint
CREATE INDEX "check_results_monitor_checked_idx" ON "check_results" USING btree ("monitor_id","checked_at");--> statement-breakpoint
CREATE INDEX "check_results_checked_at_idx" ON "check_results" USING btree ("checked_at");--> statement-breakpoint
CREATE INDEX "flips_monitor_at_idx" ON "flips" USING btree ("monitor_id","at");--> statement-breakpoint
CREATE INDEX "flips_workspace_at_idx" ON "flips" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "incidents_monitor_started_idx" ON "incidents" USING btree ("monitor_id","started_at");--> statement-breakpoint
CREATE INDEX "incidents_workspace_started_idx" ON "incidents" USING btree ("workspace_id","started_at");