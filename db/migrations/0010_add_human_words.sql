CREATE TABLE "incident_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"monitor_id" uuid,
	"heartbeat_id" uuid,
	"impact" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"maintenance_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"schedule" text,
	"duration_secs" integer,
	"tz" text,
	"cancelled_at" timestamp with time zone,
	"ended_early_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"maintenance_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"monitor_id" uuid,
	"heartbeat_id" uuid
);
--> statement-breakpoint
CREATE TABLE "maintenance_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"maintenance_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status_page_id" uuid NOT NULL,
	"body" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "held_alerts" (
	"flip_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"maintenance_id" uuid,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"release_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "subject_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "opened_by_flip_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "automatic" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "status" text DEFAULT 'investigating' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "impact" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "postmortem" text;--> statement-breakpoint
ALTER TABLE "incident_subjects" ADD CONSTRAINT "incident_subjects_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_subjects" ADD CONSTRAINT "incident_subjects_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_subjects" ADD CONSTRAINT "incident_subjects_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenances" ADD CONSTRAINT "maintenances_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_subjects" ADD CONSTRAINT "maintenance_subjects_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_subjects" ADD CONSTRAINT "maintenance_subjects_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_subjects" ADD CONSTRAINT "maintenance_subjects_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_updates" ADD CONSTRAINT "maintenance_updates_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_status_page_id_status_pages_id_fk" FOREIGN KEY ("status_page_id") REFERENCES "public"."status_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_alerts" ADD CONSTRAINT "held_alerts_flip_id_flips_id_fk" FOREIGN KEY ("flip_id") REFERENCES "public"."flips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_alerts" ADD CONSTRAINT "held_alerts_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_subjects_monitor_idx" ON "incident_subjects" USING btree ("incident_id","monitor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_subjects_heartbeat_idx" ON "incident_subjects" USING btree ("incident_id","heartbeat_id");--> statement-breakpoint
CREATE INDEX "incident_subjects_monitor_only_idx" ON "incident_subjects" USING btree ("monitor_id");--> statement-breakpoint
CREATE INDEX "incident_subjects_heartbeat_only_idx" ON "incident_subjects" USING btree ("heartbeat_id");--> statement-breakpoint
CREATE INDEX "incident_updates_incident_created_idx" ON "incident_updates" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "maintenance_windows_maintenance_idx" ON "maintenance_windows" USING btree ("maintenance_id","starts_at");--> statement-breakpoint
CREATE INDEX "maintenance_windows_workspace_idx" ON "maintenance_windows" USING btree ("workspace_id","ends_at");--> statement-breakpoint
CREATE INDEX "maintenances_workspace_idx" ON "maintenances" USING btree ("workspace_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_subjects_monitor_idx" ON "maintenance_subjects" USING btree ("maintenance_id","monitor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_subjects_heartbeat_idx" ON "maintenance_subjects" USING btree ("maintenance_id","heartbeat_id");--> statement-breakpoint
CREATE INDEX "maintenance_subjects_monitor_only_idx" ON "maintenance_subjects" USING btree ("monitor_id");--> statement-breakpoint
CREATE INDEX "maintenance_subjects_heartbeat_only_idx" ON "maintenance_subjects" USING btree ("heartbeat_id");--> statement-breakpoint
CREATE INDEX "maintenance_updates_maintenance_created_idx" ON "maintenance_updates" USING btree ("maintenance_id","created_at");--> statement-breakpoint
CREATE INDEX "announcements_page_created_idx" ON "announcements" USING btree ("status_page_id","created_at");--> statement-breakpoint
CREATE INDEX "held_alerts_release_idx" ON "held_alerts" USING btree ("released_at","release_at");--> statement-breakpoint
CREATE INDEX "held_alerts_subject_idx" ON "held_alerts" USING btree ("subject_id");--> statement-breakpoint
UPDATE "incidents" SET "status" = 'resolved' WHERE "resolved_at" IS NOT NULL;