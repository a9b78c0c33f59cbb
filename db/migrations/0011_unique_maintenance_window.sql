DROP INDEX "maintenance_windows_maintenance_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_windows_maintenance_idx" ON "maintenance_windows" USING btree ("maintenance_id","starts_at");