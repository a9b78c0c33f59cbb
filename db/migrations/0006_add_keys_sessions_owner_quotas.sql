CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "email_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "allow_private_targets" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "quotas" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scope" text DEFAULT 'write' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_confirmations" ADD CONSTRAINT "email_confirmations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_confirmations_token_idx" ON "email_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "email_confirmations_channel_email_idx" ON "email_confirmations" USING btree ("channel_id",lower("email"));--> statement-breakpoint
CREATE INDEX "email_confirmations_workspace_idx" ON "email_confirmations" USING btree ("workspace_id");--> statement-breakpoint
INSERT INTO "instance_settings" ("key", "value") SELECT 'instance_owner_user_id', "id"::text FROM "users" ORDER BY "created_at", "id" LIMIT 1 ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "workspaces" SET "allow_private_targets" = true WHERE "id" IN (SELECT "m"."workspace_id" FROM "memberships" "m" JOIN "instance_settings" "s" ON "s"."key" = 'instance_owner_user_id' AND "s"."value" = "m"."user_id"::text WHERE "m"."role" = 'owner');--> statement-breakpoint
INSERT INTO "email_confirmations" ("workspace_id", "channel_id", "email", "token_hash", "confirmed_at") SELECT DISTINCT ON ("c"."id", lower("a"."email")) "c"."workspace_id", "c"."id", "a"."email", encode(sha256(convert_to(gen_random_uuid()::text || "c"."id"::text || "a"."email", 'UTF8')), 'hex'), now() FROM "channels" "c" CROSS JOIN LATERAL (SELECT btrim("t"."part", E' \t\n\r\f\v') AS "email", "t"."n" FROM regexp_split_to_table(coalesce("c"."settings"->>'to', ''), ',') WITH ORDINALITY AS "t"("part", "n")) "a" WHERE "c"."kind" = 'email' AND "a"."email" <> '' ORDER BY "c"."id", lower("a"."email"), "a"."n" ON CONFLICT DO NOTHING;
