-- rate-limiter-flexible's Postgres store (sign-in limits shared by every node). Created here, under the
-- migration lock, because nodes creating it at once on a fresh database race on the table's type.
CREATE TABLE IF NOT EXISTS "vigil_rate_limits" (
	"key" varchar(255) PRIMARY KEY,
	"points" integer NOT NULL DEFAULT 0,
	"expire" bigint
);
