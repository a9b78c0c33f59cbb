ALTER TABLE "monitors" ADD COLUMN "conditions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "check_results" ADD COLUMN "tls_cert_expires_at" timestamp with time zone;