CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"monitor_id" uuid,
	"heartbeat_id" uuid
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"flip_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"reminder" integer DEFAULT 0 NOT NULL,
	"message_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_lanes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"monitor_id" uuid,
	"heartbeat_id" uuid,
	"due_at" timestamp with time zone,
	"lease_token" uuid,
	"lease_until" timestamp with time zone,
	"last_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"lane_id" uuid,
	"kind" text NOT NULL,
	"subject_kind" text,
	"monitor_id" uuid,
	"heartbeat_id" uuid,
	"delivery_key" text NOT NULL,
	"flip_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "alert_on_down" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "alert_on_recovery" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "reminder_hours" integer;--> statement-breakpoint
ALTER TABLE "heartbeats" ADD COLUMN "alert_on_down" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "heartbeats" ADD COLUMN "alert_on_recovery" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "heartbeats" ADD COLUMN "reminder_hours" integer;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_channels" ADD CONSTRAINT "subject_channels_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_channels" ADD CONSTRAINT "subject_channels_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_channels" ADD CONSTRAINT "subject_channels_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_flip_id_flips_id_fk" FOREIGN KEY ("flip_id") REFERENCES "public"."flips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_lane_id_alert_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."alert_lanes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_message_id_alert_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."alert_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_lanes" ADD CONSTRAINT "alert_lanes_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_lanes" ADD CONSTRAINT "alert_lanes_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_lanes" ADD CONSTRAINT "alert_lanes_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_lane_id_alert_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."alert_lanes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_heartbeat_id_heartbeats_id_fk" FOREIGN KEY ("heartbeat_id") REFERENCES "public"."heartbeats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channels_workspace_id_idx" ON "channels" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_channels_subject_channel_idx" ON "subject_channels" USING btree ("subject_id","channel_id");--> statement-breakpoint
CREATE INDEX "subject_channels_channel_idx" ON "subject_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_flip_channel_idx" ON "alert_deliveries" USING btree ("flip_id","channel_id","reminder");--> statement-breakpoint
CREATE INDEX "alert_deliveries_lane_idx" ON "alert_deliveries" USING btree ("lane_id","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_lanes_subject_channel_idx" ON "alert_lanes" USING btree ("subject_id","channel_id");--> statement-breakpoint
CREATE INDEX "alert_lanes_due_at_idx" ON "alert_lanes" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "alert_messages_channel_created_idx" ON "alert_messages" USING btree ("channel_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_messages_monitor_created_idx" ON "alert_messages" USING btree ("monitor_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_messages_heartbeat_created_idx" ON "alert_messages" USING btree ("heartbeat_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_messages_lane_idx" ON "alert_messages" USING btree ("lane_id","status");