/**
 * The council of the organisation a deployment serves: kommunfullmäktige (KF) in a municipality,
 * regionfullmäktige (RF) in a region. Motions are raised in it and answered by it within a year
 * (kommunallagen 5 kap. 35 §, which holds for regions as for municipalities), so their deadlines
 * hang on its meeting plan. Set per deployment (`COUNCIL`, shared/platform/config.ts).
 */
export const COUNCILS = ['KF', 'RF'] as const;
export type Council = (typeof COUNCILS)[number];
