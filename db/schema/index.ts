/** Every table, for drizzle-kit and for the typed query builder. */
export * from "./users";
export * from "./businesses";
export * from "./customers";
export * from "./marketplace";
export * from "./engagement";
export * from "./orders";
export * from "./crm";
export * from "./platform";
