/**
 * 3-vectors at API level. Hot loops work on Float64Array with inlined arithmetic instead; these
 * helpers allocate and are meant for clarity outside inner loops.
 */
export type Vec3 = [number, number, number];

export function vec3(x: number, y: number, z: number): Vec3 {
  return [x, y, z];
}

export function add(a: readonly number[], b: readonly number[]): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub(a: readonly number[], b: readonly number[]): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale(a: readonly number[], k: number): Vec3 {
  return [a[0] * k, a[1] * k, a[2] * k];
}

export function dot(a: readonly number[], b: readonly number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: readonly number[], b: readonly number[]): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a: readonly number[]): number {
  return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}

export function unit(a: readonly number[]): Vec3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}

/** |a − b|. */
export function distance(a: readonly number[], b: readonly number[]): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  const dz = a[2] - b[2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Angle between a and b in radians, robust near 0 and π (atan2 of |a×b| and a·b). */
export function angleBetween(a: readonly number[], b: readonly number[]): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b));
}

/** Copies the first three components into a fresh tuple (e.g. from a Float64Array). */
export function toVec3(a: ArrayLike<number>, offset = 0): Vec3 {
  return [a[offset], a[offset + 1], a[offset + 2]];
}
