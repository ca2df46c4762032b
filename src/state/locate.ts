/** Who chose a dir: the user's config, flags or env (a refusal exits 2), or bgsvc's default (exits 1). */
export type DirOrigin = 'user' | 'default';

export interface StateLocation {
  stateDir: string;
  logDir: string;
  /** Absent: both are bgsvc's defaults. */
  origin?: { stateDir: DirOrigin; logDir: DirOrigin };
  /** The working directory; its owner is trusted with the dirs above the state dir (see dir-safety.ts). */
  cwd?: string;
}
