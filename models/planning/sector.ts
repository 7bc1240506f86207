/** The BISKO sector a building's use suggests; the user may override it per building (PlanningAttributes.sector). */
import type { BuildingUse } from '../types.js';
import type { BiskoSector } from './attributes.js';

export const sectorFromUse = (use: BuildingUse): BiskoSector => {
  switch (use) {
    case 'single-family':
    case 'multi-family':
      return 'households';
    case 'school':
    case 'town-hall':
      return 'municipal';
    case 'office':
    case 'shop':
    case 'other':
      return 'trade-services';
  }
};

/** A house or a block of flats: the uses whose BISKO sector is private households. */
export const isResidential = (use: BuildingUse): boolean => sectorFromUse(use) === 'households';
