const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that can name a trajectory; anything else is left to the route's validation (400). */
export function isTrajectoryId(value: string): boolean {
  return UUID.test(value);
}
