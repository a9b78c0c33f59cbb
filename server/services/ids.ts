const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is "not found" before it reaches the database (never a 500). */
export const isUuid = (value: string): boolean => UUID.test(value);
