export * from "@/db/schema/users";
export * from "@/db/schema/accounts";
export * from "@/db/schema/workspaces";
export * from "@/db/schema/memberships";
export * from "@/db/schema/api-keys";
export * from "@/db/schema/instance-settings";
